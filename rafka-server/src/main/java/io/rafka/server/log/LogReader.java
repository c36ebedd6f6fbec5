package io.rafka.server.log;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import io.rafka.protocol.BatchFrame;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Stateless and thread-safe: reads whole frames out of one {@link LogView}, looking only at published state
 * and never past a segment's published size.
 */
final class LogReader {
  private LogReader() {}

  /**
   * The frames from the one containing {@code offset} on, at most {@code maxBytes} of them but at least one.
   * The caller has checked {@code logStartOffset <= offset < logEndOffset} on this view.
   */
  static ByteString read(LogView view, long offset, int maxBytes) throws IOException {
    int index = view.floorSegment(offset);
    Segment segment = view.segment(index);
    SegmentState state = segment.state();
    long[] found = containingFrame(segment, state, offset);
    long position = found[0];
    int firstFrame = (int) found[1];
    ByteString result = ByteString.EMPTY;
    while (true) {
      long available = state.sizeBytes() - position;
      int want;
      if (result.isEmpty()) {
        want = (int) Math.max(firstFrame, Math.min(maxBytes, available));
      } else {
        want = (int) Math.min(maxBytes - result.size(), available);
      }
      if (want > 0) {
        ByteBuffer buf = segment.readAt(position, want);
        int whole = wholeFrames(segment, buf, position);
        result = result.concat(UnsafeByteOperations.unsafeWrap(buf.array(), 0, whole));
        position += whole;
        if (whole < want) {
          return result; // the next frame does not fit in maxBytes
        }
      }
      if (result.size() >= maxBytes || position < state.sizeBytes() || ++index >= view.segmentCount()) {
        return result;
      }
      segment = view.segment(index);
      state = segment.state();
      position = 0;
    }
  }

  /**
   * The position and size of the frame containing {@code offset}: from the index's floor entry, frame header
   * by frame header.
   */
  private static long[] containingFrame(Segment segment, SegmentState state, long offset) throws IOException {
    long position = segment.index().floorPosition(offset - segment.baseOffset());
    while (position < state.sizeBytes()) {
      ByteBuffer header = segment.readAt(position, BatchFrame.HEADER_SIZE);
      long base = header.getLong(BatchFrame.BASE_OFFSET_OFFSET);
      long next = base + header.getInt(BatchFrame.RECORD_COUNT_OFFSET);
      if (base > offset) {
        throw new CorruptLogException(
            segment.logFile(), position, "frame starts at offset " + base + ", past " + offset);
      }
      int size = frameSize(segment, header, 0, position);
      if (next > offset) {
        return new long[] {position, size};
      }
      position += size;
    }
    throw new CorruptLogException(
        segment.logFile(), position, "no frame holds offset " + offset + " below " + state.nextOffset());
  }

  /**
   * The base offset of the first batch, from the log start on, whose newest record timestamp is at or after
   * {@code timestamp}; the log end offset if there is none. Walks frame headers (no index of timestamps yet),
   * so its cost grows with the log; it serves admin lookups, not the data path.
   */
  static long firstBatchAtOrAfter(LogView view, long timestamp) throws IOException {
    for (int i = view.floorSegment(view.logStartOffset()); i < view.segmentCount(); i++) {
      Segment segment = view.segment(i);
      SegmentState state = segment.state();
      long position = 0;
      while (position < state.sizeBytes()) {
        ByteBuffer header = segment.readAt(position, BatchFrame.HEADER_SIZE);
        long base = header.getLong(BatchFrame.BASE_OFFSET_OFFSET);
        long next = base + header.getInt(BatchFrame.RECORD_COUNT_OFFSET);
        if (next > view.logStartOffset() && header.getLong(BatchFrame.MAX_TIMESTAMP_OFFSET) >= timestamp) {
          return Math.max(base, view.logStartOffset());
        }
        position += frameSize(segment, header, 0, position);
      }
    }
    return view.logEndOffset();
  }

  /** The bytes of the whole frames at the start of {@code buf}. */
  private static int wholeFrames(Segment segment, ByteBuffer buf, long filePosition) {
    int at = 0;
    while (buf.limit() - at >= 4) {
      int size = frameSize(segment, buf, at, filePosition + at);
      if (size > buf.limit() - at) {
        break;
      }
      at += size;
    }
    return at;
  }

  private static int frameSize(Segment segment, ByteBuffer buf, int at, long filePosition) {
    int length = buf.getInt(at + BatchFrame.LENGTH_OFFSET);
    if (length < BatchFrame.LENGTH_OVERHEAD || length > Integer.MAX_VALUE - 4) {
      throw new CorruptLogException(segment.logFile(), filePosition, "bad frame length " + length);
    }
    return 4 + length;
  }
}
