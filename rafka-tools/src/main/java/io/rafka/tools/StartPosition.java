package io.rafka.tools;

import io.rafka.client.consumer.RafkaConsumer;
import io.rafka.common.TopicPartition;
import java.util.Collection;

/**
 * Where the console consumer starts reading: the beginning or end of each partition, or an exact offset of
 * the one partition chosen with {@code --partition}. Immutable.
 *
 * @param offset the offset to start at; meaningful for {@link Kind#OFFSET} only
 */
record StartPosition(Kind kind, long offset) {
  /** The three ways to start. */
  enum Kind { EARLIEST, LATEST, OFFSET }

  static final StartPosition EARLIEST = new StartPosition(Kind.EARLIEST, 0);
  static final StartPosition LATEST = new StartPosition(Kind.LATEST, 0);

  /**
   * The start the flags ask for: {@code --offset} (which needs {@code --partition}), else the beginning
   * with {@code --from-beginning}, else the end.
   *
   * @param partition the {@code --partition} flag, or null
   * @param offset the {@code --offset} flag, or null
   * @throws IllegalArgumentException for a malformed offset or flags that contradict each other
   */
  static StartPosition fromFlags(Integer partition, String offset, boolean fromBeginning) {
    if (offset == null) {
      return fromBeginning ? EARLIEST : LATEST;
    }
    if (partition == null) {
      throw new IllegalArgumentException("--offset needs --partition");
    }
    if (fromBeginning) {
      throw new IllegalArgumentException("--offset and --from-beginning cannot be used together");
    }
    return parseOffset(offset);
  }

  /**
   * {@code earliest}, {@code latest}, or a non-negative offset.
   *
   * @throws IllegalArgumentException for anything else
   */
  static StartPosition parseOffset(String offset) {
    switch (offset) {
      case "earliest":
        return EARLIEST;
      case "latest":
        return LATEST;
      default:
        long value;
        try {
          value = Long.parseLong(offset);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(badOffset(offset));
        }
        if (value < 0) {
          throw new IllegalArgumentException(badOffset(offset));
        }
        return new StartPosition(Kind.OFFSET, value);
    }
  }

  /**
   * The consumer's {@code auto.offset.reset}, used when a position falls outside the log: back to the
   * beginning when reading from it, else to the end, as Kafka's console consumer does.
   */
  String autoOffsetReset() {
    return kind == Kind.EARLIEST ? "earliest" : "latest";
  }

  /** Positions the (already assigned) partitions; EARLIEST and LATEST ask the partitions' leaders. */
  void applyTo(RafkaConsumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    switch (kind) {
      case EARLIEST -> consumer.seekToBeginning(partitions);
      case LATEST -> consumer.seekToEnd(partitions);
      case OFFSET -> partitions.forEach(tp -> consumer.seek(tp, offset));
    }
  }

  private static String badOffset(String offset) {
    return "--offset must be earliest, latest or a non-negative number, was '" + offset + "'";
  }
}
