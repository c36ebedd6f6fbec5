package io.rafka.server.log;

import io.rafka.protocol.BatchFrame;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * Stateless and thread-safe (each scan uses its own buffer): walks the frames of a segment file from its
 * start, checking that they are well formed and that their offsets follow each other from the segment's base
 * offset, and rebuilds the segment's state and index on the way.
 */
final class SegmentScanner {
  private static final int CHUNK = 1 << 20;

  private SegmentScanner() {}

  /** Why a scan stopped. */
  enum Stop {
    /** Every byte up to the limit is a valid frame. */
    END,
    /** The bytes at {@link Result#validBytes()} are not a whole valid frame (torn, garbage, zeros, bad CRC). */
    INVALID_FRAME,
    /** A well-formed frame at {@link Result#validBytes()} does not start at the expected offset. */
    WRONG_OFFSET
  }

  /** What a scan found: the valid prefix, its state and index, and why it stopped. */
  record Result(SegmentState state, IndexBuilder index, Stop stop) {
    long validBytes() {
      return state.sizeBytes();
    }
  }

  /**
   * Scans {@code [0, limit)} of {@code channel}.
   *
   * @param verifyCrc check every frame's CRC (reads every byte); otherwise read only the headers
   */
  static Result scan(
      FileChannel channel, long baseOffset, long limit, int indexIntervalBytes, boolean verifyCrc)
      throws IOException {
    return scanFrom(
        channel, baseOffset, SegmentState.empty(baseOffset), limit, indexIntervalBytes, verifyCrc);
  }

  /**
   * Scans {@code [from.sizeBytes(), limit)} of {@code channel}, where a frame starting at offset {@code
   * from.nextOffset()} is expected; the result's index holds only the entries found on the way.
   */
  static Result scanFrom(
      FileChannel channel,
      long baseOffset,
      SegmentState from,
      long limit,
      int indexIntervalBytes,
      boolean verifyCrc)
      throws IOException {
    if (limit > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("segment larger than 2 GiB: " + limit);
    }
    Window window = new Window(channel, limit, verifyCrc ? CHUNK : BatchFrame.HEADER_SIZE);
    IndexBuilder index = new IndexBuilder(indexIntervalBytes);
    SegmentState state = from;
    CRC32C crc = new CRC32C();
    int position = Math.toIntExact(from.sizeBytes());
    while (position < limit) {
      if (limit - position < BatchFrame.HEADER_SIZE) {
        return new Result(state, index, Stop.INVALID_FRAME);
      }
      ByteBuffer buf = window.at(position, BatchFrame.HEADER_SIZE);
      int at = window.indexOf(position);
      int length = buf.getInt(at + BatchFrame.LENGTH_OFFSET);
      if (length < BatchFrame.LENGTH_OVERHEAD
          || length > limit - position - 4
          || buf.get(at + BatchFrame.MAGIC_OFFSET) != BatchFrame.MAGIC
          || buf.getInt(at + BatchFrame.RECORD_COUNT_OFFSET) < 1) {
        return new Result(state, index, Stop.INVALID_FRAME);
      }
      BatchFrame.Header header = BatchFrame.readHeader(buf, at);
      int expectedCrc = buf.getInt(at + BatchFrame.CRC_OFFSET);
      if (verifyCrc && !crcMatches(window, crc, position, header.frameSize(), expectedCrc)) {
        return new Result(state, index, Stop.INVALID_FRAME);
      }
      if (header.baseOffset() != state.nextOffset()
          || header.nextOffset() - baseOffset > Integer.MAX_VALUE) {
        return new Result(state, index, Stop.WRONG_OFFSET);
      }
      index.offer((int) (header.baseOffset() - baseOffset), position);
      state = state.plus(header.frameSize(), header.nextOffset(), header.appendTimeMs());
      position += header.frameSize();
    }
    return new Result(state, index, Stop.END);
  }

  private static boolean crcMatches(
      Window window, CRC32C crc, int position, int frameSize, int expected) throws IOException {
    crc.reset();
    long from = (long) position + BatchFrame.MAGIC_OFFSET;
    long end = (long) position + frameSize;
    while (from < end) {
      int n = (int) Math.min(end - from, window.capacity());
      ByteBuffer buf = window.at(from, n);
      ByteBuffer covered = buf.duplicate();
      int at = window.indexOf(from);
      covered.limit(at + n).position(at);
      crc.update(covered);
      from += n;
    }
    return (int) crc.getValue() == expected;
  }

  /** A buffer over {@code [start, start + buf.limit())} of the file, refilled as the scan moves on. */
  private static final class Window {
    private final FileChannel channel;
    private final long limit;
    private final ByteBuffer buf;
    private long start;

    Window(FileChannel channel, long limit, int capacity) {
      this.channel = channel;
      this.limit = limit;
      this.buf = ByteBuffer.allocate(capacity);
      this.buf.limit(0);
    }

    int capacity() {
      return buf.capacity();
    }

    int indexOf(long position) {
      return (int) (position - start);
    }

    /** The buffer, holding at least {@code [position, position + n)}; {@code n <= capacity()}. */
    ByteBuffer at(long position, int n) throws IOException {
      if (position >= start && position + n <= start + buf.limit()) {
        return buf;
      }
      buf.clear();
      buf.limit((int) Math.min(buf.capacity(), limit - position));
      while (buf.hasRemaining()) {
        if (channel.read(buf, position + buf.position()) < 0) {
          throw new EOFException("file ends before byte " + limit);
        }
      }
      buf.flip();
      start = position;
      return buf;
    }
  }
}
