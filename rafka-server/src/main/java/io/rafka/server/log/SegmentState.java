package io.rafka.server.log;

/**
 * Immutable, so thread-safe: the published extent of one segment; readers never look past {@code sizeBytes}.
 * A segment replaces its state as a whole, so its fields are always consistent with each other.
 */
record SegmentState(long sizeBytes, long nextOffset, long firstAppendTimeMs, long maxAppendTimeMs) {
  static SegmentState empty(long baseOffset) {
    return new SegmentState(
        0, baseOffset, SegmentCheckpoint.NO_APPEND_TIME, SegmentCheckpoint.NO_APPEND_TIME);
  }

  /** The state after one more frame. */
  SegmentState plus(int frameSize, long frameNextOffset, long appendTimeMs) {
    boolean first = sizeBytes == 0;
    return new SegmentState(
        sizeBytes + frameSize,
        frameNextOffset,
        first ? appendTimeMs : firstAppendTimeMs,
        first ? appendTimeMs : Math.max(maxAppendTimeMs, appendTimeMs));
  }
}
