package io.rafka.protocol;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the {@code records} bytes of a fetch response into frames, checking each frame's CRC. Stateless and
 * thread-safe.
 */
public final class FrameReader {
  private FrameReader() {}

  /**
   * Every frame in {@code records}, in order.
   *
   * @throws CorruptFrameException if a frame is truncated or fails its CRC
   */
  public static List<Frame> frames(ByteString records) {
    ByteBuffer buf = records.asReadOnlyByteBuffer();
    int base = buf.position();
    int limit = buf.limit();
    List<Frame> frames = new ArrayList<>();
    int position = base;
    while (position < limit) {
      int size = BatchFrame.validFrameSize(buf, position, limit);
      if (size < 0) {
        throw new CorruptFrameException(
            "invalid batch frame at byte " + (position - base) + " of " + (limit - base));
      }
      BatchFrame.Header header = BatchFrame.readHeader(buf, position);
      ByteString payload =
          records.substring(position - base + BatchFrame.HEADER_SIZE, position - base + size);
      frames.add(new Frame(header, payload));
      position += size;
    }
    return frames;
  }

  /** One frame: its header and its payload (a serialized {@code rafka.v1.RecordBatch}). */
  public record Frame(BatchFrame.Header header, ByteString payload) {}

  /** A frame that is truncated or fails its CRC. */
  public static final class CorruptFrameException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CorruptFrameException(String message) {
      super(message);
    }
  }
}
