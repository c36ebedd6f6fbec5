package io.rafka.server.log;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Not thread-safe (owned by the writer; {@link OffsetIndex} publishes it): the growing entries of one
 * segment's sparse offset index and the rule that decides where they go. The rule: an entry (relative offset,
 * byte position) for the first frame that starts at least {@code intervalBytes} after the previous entry (or
 * after the start of the segment). It depends only on frame positions, so every replica builds the same index.
 */
final class IndexBuilder {
  private final int intervalBytes;
  private int[] relativeOffsets = new int[16];
  private int[] positions = new int[16];
  private int count;

  IndexBuilder(int intervalBytes) {
    this.intervalBytes = intervalBytes;
  }

  /** Entries read from an index file's bytes; {@code null} if they are not a well-formed index. */
  static IndexBuilder fromBytes(ByteBuffer bytes, int intervalBytes, long segmentSize) {
    if (bytes.remaining() % OffsetIndex.ENTRY_SIZE != 0) {
      return null;
    }
    IndexBuilder builder = new IndexBuilder(intervalBytes);
    int lastOffset = 0;
    int lastPosition = 0;
    while (bytes.hasRemaining()) {
      int relative = bytes.getInt();
      int position = bytes.getInt();
      if (relative <= lastOffset || position <= lastPosition || position >= segmentSize) {
        return null;
      }
      builder.add(relative, position);
      lastOffset = relative;
      lastPosition = position;
    }
    return builder;
  }

  /**
   * Offers the frame at {@code position} whose first offset is {@code relativeOffset} past the segment's base.
   *
   * @return whether the rule made it an entry
   */
  boolean offer(int relativeOffset, int position) {
    int previous = count == 0 ? 0 : positions[count - 1];
    if (position - previous < intervalBytes) {
      return false;
    }
    add(relativeOffset, position);
    return true;
  }

  private void add(int relativeOffset, int position) {
    if (count == positions.length) {
      relativeOffsets = Arrays.copyOf(relativeOffsets, count * 2);
      positions = Arrays.copyOf(positions, count * 2);
    }
    relativeOffsets[count] = relativeOffset;
    positions[count] = position;
    count++;
  }

  int count() {
    return count;
  }

  /**
   * The current arrays. Slots below {@link #count()} are never written again, so a reader that is handed the
   * arrays with a count (through a volatile field) can search them while the writer goes on adding.
   */
  int[] relativeOffsets() {
    return relativeOffsets;
  }

  int[] positions() {
    return positions;
  }

  /** Whether both hold the same entries. */
  boolean sameEntries(IndexBuilder other) {
    return count == other.count
        && Arrays.equals(relativeOffsets, 0, count, other.relativeOffsets, 0, count)
        && Arrays.equals(positions, 0, count, other.positions, 0, count);
  }

  /** The index file's bytes for entries {@code [from, count)}. */
  ByteBuffer toBytes(int from) {
    ByteBuffer buf = ByteBuffer.allocate((count - from) * OffsetIndex.ENTRY_SIZE);
    for (int i = from; i < count; i++) {
      buf.putInt(relativeOffsets[i]).putInt(positions[i]);
    }
    return buf.flip();
  }
}
