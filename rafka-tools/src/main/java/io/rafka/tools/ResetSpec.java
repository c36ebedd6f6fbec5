package io.rafka.tools;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Immutable and thread-safe: where {@code rafka-consumer-groups.sh --reset-offsets} moves a group's committed
 * offsets, as one of the {@code --to-*} or {@code --shift-by} flags says.
 *
 * @param value the offset for {@link Kind#OFFSET}, the epoch milliseconds for {@link Kind#DATETIME}, the
 *     distance for {@link Kind#SHIFT}; unused for the others
 */
record ResetSpec(Kind kind, long value) {
  /** The ways to choose the new offset of a partition. */
  enum Kind {
    /** The log start offset. */
    EARLIEST,
    /** The log end offset (the high watermark). */
    LATEST,
    /** A given offset. */
    OFFSET,
    /** The first offset whose record is stamped at or after a time. */
    DATETIME,
    /** The committed offset moved by a number of records, forwards or (negative) backwards. */
    SHIFT
  }

  static final ResetSpec EARLIEST = new ResetSpec(Kind.EARLIEST, 0);
  static final ResetSpec LATEST = new ResetSpec(Kind.LATEST, 0);

  /** The format of Kafka's {@code --to-datetime}, with the zone optional; STRICT rejects a 31st of April. */
  private static final DateTimeFormatter DATETIME = new DateTimeFormatterBuilder()
      .appendPattern("uuuu-MM-dd'T'HH:mm:ss.SSS")
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .toFormatter(Locale.ROOT)
      .withResolverStyle(ResolverStyle.STRICT);

  static ResetSpec toOffset(long offset) {
    return new ResetSpec(Kind.OFFSET, offset);
  }

  static ResetSpec shiftBy(long records) {
    return new ResetSpec(Kind.SHIFT, records);
  }

  /**
   * The {@code --to-datetime} flag: {@code YYYY-MM-DDTHH:mm:SS.sss}, then {@code Z} or an offset such as
   * {@code +05:30}; without either, the time is read in {@code localZone}, as Kafka reads it in the JVM's.
   *
   * @throws IllegalArgumentException when the text is not such a time
   */
  static ResetSpec toDatetime(String text, ZoneId localZone) {
    TemporalAccessor parsed;
    try {
      parsed = DATETIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--to-datetime must be a valid time in the form "
          + "2024-01-31T13:45:00.000, optionally followed by Z or an offset such as +01:00, was '" + text + "'");
    }
    OffsetDateTime time = parsed instanceof OffsetDateTime withOffset ? withOffset
        : ((LocalDateTime) parsed).atZone(localZone).toOffsetDateTime();
    return new ResetSpec(Kind.DATETIME, time.toInstant().toEpochMilli());
  }
}
