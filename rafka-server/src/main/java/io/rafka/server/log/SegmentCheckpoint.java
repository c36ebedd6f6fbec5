package io.rafka.server.log;

/**
 * Immutable, so thread-safe: one segment as it was at a checkpoint.
 *
 * @param baseOffset the offset of the segment's first record (also its file name)
 * @param nextOffset the offset after its last record; equal to {@code baseOffset} if it was empty
 * @param sizeBytes the size of its {@code .log} file
 * @param firstAppendTimeMs append time of its first frame, or {@link #NO_APPEND_TIME} if it was empty
 * @param maxAppendTimeMs newest append time of its frames, or {@link #NO_APPEND_TIME} if it was empty
 * @param indexSizeBytes the size of its {@code .index} file
 */
public record SegmentCheckpoint(
    long baseOffset,
    long nextOffset,
    long sizeBytes,
    long firstAppendTimeMs,
    long maxAppendTimeMs,
    long indexSizeBytes) {

  /** The append time of a segment with no frames. */
  public static final long NO_APPEND_TIME = -1;

  public SegmentCheckpoint {
    if (baseOffset < 0 || nextOffset < baseOffset) {
      throw new IllegalArgumentException(
          "need 0 <= baseOffset <= nextOffset, was baseOffset=" + baseOffset + ", nextOffset=" + nextOffset);
    }
    if (sizeBytes < 0 || sizeBytes > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("sizeBytes out of range: " + sizeBytes);
    }
    if ((sizeBytes == 0) != (nextOffset == baseOffset)) {
      throw new IllegalArgumentException(
          "sizeBytes=" + sizeBytes + " disagrees with offsets [" + baseOffset + ", " + nextOffset + ")");
    }
    if (indexSizeBytes < 0 || indexSizeBytes % OffsetIndex.ENTRY_SIZE != 0) {
      throw new IllegalArgumentException(
          "indexSizeBytes must be a non-negative multiple of 8, was " + indexSizeBytes);
    }
  }
}
