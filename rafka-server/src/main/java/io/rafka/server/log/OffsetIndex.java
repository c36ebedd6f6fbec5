package io.rafka.server.log;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * Single writer, many readers: {@link #offer} runs on the writer thread only; {@link #floorPosition} may run
 * on any thread and sees an immutable published view of the entries. The sparse offset index of one segment:
 * entries (int offset relative to the segment's base, int byte position of a frame), 8 bytes each, appended
 * to the {@code .index} file as they are added and held in memory for binary search.
 */
final class OffsetIndex {
  static final int ENTRY_SIZE = 8;

  /** The entries readers may search: the first {@code count} slots of the arrays, never written again. */
  private record Entries(int[] relativeOffsets, int[] positions, int count) {}

  private final IndexBuilder builder;
  private volatile Entries entries;
  /** The open index file while the segment is active; null once sealed. Writer thread only. */
  private FileChannel channel;

  /**
   * @param builder the entries already in the index file (the file holds exactly these)
   * @param channel the index file opened for writing, or null if the segment is closed
   */
  OffsetIndex(IndexBuilder builder, FileChannel channel) {
    this.builder = builder;
    this.channel = channel;
    publish();
  }

  private void publish() {
    entries = new Entries(builder.relativeOffsets(), builder.positions(), builder.count());
  }

  /** Adds an entry for the frame at {@code position} if the index rule wants one. Writer thread only. */
  void offer(int relativeOffset, int position) throws IOException {
    if (builder.offer(relativeOffset, position)) {
      int last = builder.count() - 1;
      SegmentFiles.writeFully(channel, builder.toBytes(last), (long) last * ENTRY_SIZE);
      publish();
    }
  }

  /**
   * The byte position of the last indexed frame whose first offset is at most {@code relativeOffset}, or 0 (the
   * first frame) if there is none. Any thread.
   */
  int floorPosition(long relativeOffset) {
    Entries e = entries;
    int low = 0;
    int high = e.count - 1;
    int found = -1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (e.relativeOffsets[mid] <= relativeOffset) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found < 0 ? 0 : e.positions[found];
  }

  /** The size of the index file. */
  long sizeBytes() {
    return (long) entries.count * ENTRY_SIZE;
  }

  /** Forces the index file to disk. Writer thread only. */
  void force() throws IOException {
    if (channel != null) {
      channel.force(true);
    }
  }

  /** Closes the index file for writing; the in-memory entries stay searchable. Writer thread only. */
  void closeFile() throws IOException {
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }
}
