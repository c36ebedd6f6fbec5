package io.rafka.client.admin;

/** Which offset of a partition to look up. Immutable. */
public sealed interface OffsetSpec {
  /** The log start offset. */
  record Earliest() implements OffsetSpec {}

  /** The high watermark (the offset the next record will get). */
  record Latest() implements OffsetSpec {}

  /** The first offset whose record is stamped at or after {@code timestampMs}; the high watermark if none. */
  record ForTimestamp(long timestampMs) implements OffsetSpec {}

  static OffsetSpec earliest() {
    return new Earliest();
  }

  static OffsetSpec latest() {
    return new Latest();
  }

  static OffsetSpec forTimestamp(long timestampMs) {
    return new ForTimestamp(timestampMs);
  }
}
