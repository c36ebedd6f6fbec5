package io.rafka.chaos.history;

import java.util.Objects;

/**
 * One record as a reader saw it: its offset in the partition and the value written there. Immutable.
 *
 * @param offset the record's offset, zero or more
 * @param value the value a producer wrote (values are unique per run, so a value names its write)
 */
public record OffsetValue(long offset, String value) {
  public OffsetValue {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0, got " + offset);
    }
    Objects.requireNonNull(value, "value");
  }
}
