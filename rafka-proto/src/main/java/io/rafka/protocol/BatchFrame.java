package io.rafka.protocol;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The frame around one record batch, as it sits in a segment file, in the hot-read cache and in a fetch
 * response. The frame carries what the partition assigned (offsets, append time); the payload is the
 * producer's {@code rafka.v1.RecordBatch}, unchanged.
 *
 * <pre>
 * offset size field
 *  0     4    frame length: bytes after this field (header rest + payload)
 *  4     4    CRC-32C of every byte after this field
 *  8     1    magic (format version, {@value #MAGIC})
 *  9     8    base offset
 * 17     4    record count
 * 21     8    append time (ms, the leader's clock)
 * 29     8    max timestamp of the records (ms)
 * 37     n    payload: a serialized rafka.v1.RecordBatch
 * </pre>
 *
 * <p>All integers are big-endian. This class is stateless and thread-safe.
 */
public final class BatchFrame {
  public static final byte MAGIC = 1;
  public static final int LENGTH_OFFSET = 0;
  public static final int CRC_OFFSET = 4;
  public static final int MAGIC_OFFSET = 8;
  public static final int BASE_OFFSET_OFFSET = 9;
  public static final int RECORD_COUNT_OFFSET = 17;
  public static final int APPEND_TIME_OFFSET = 21;
  public static final int MAX_TIMESTAMP_OFFSET = 29;
  /** Bytes before the payload. */
  public static final int HEADER_SIZE = 37;
  /** Bytes covered by the length field that are not payload. */
  public static final int LENGTH_OVERHEAD = HEADER_SIZE - 4;

  private BatchFrame() {}

  /** Builds a whole frame around {@code payload}. */
  public static byte[] encode(
      long baseOffset, int recordCount, long appendTimeMs, long maxTimestamp, ByteString payload) {
    if (recordCount < 1) {
      throw new IllegalArgumentException("recordCount must be >= 1, was " + recordCount);
    }
    byte[] frame = new byte[HEADER_SIZE + payload.size()];
    ByteBuffer buf = ByteBuffer.wrap(frame);
    buf.putInt(LENGTH_OVERHEAD + payload.size());
    buf.putInt(0); // CRC, filled below
    buf.put(MAGIC);
    buf.putLong(baseOffset);
    buf.putInt(recordCount);
    buf.putLong(appendTimeMs);
    buf.putLong(maxTimestamp);
    payload.copyTo(frame, HEADER_SIZE);
    CRC32C crc = new CRC32C();
    crc.update(frame, MAGIC_OFFSET, frame.length - MAGIC_OFFSET);
    ByteBuffer.wrap(frame).putInt(CRC_OFFSET, (int) crc.getValue());
    return frame;
  }

  /** The header of the frame that starts at {@code position} in {@code buf}; does not check the CRC. */
  public static Header readHeader(ByteBuffer buf, int position) {
    int length = buf.getInt(position + LENGTH_OFFSET);
    return new Header(
        buf.getLong(position + BASE_OFFSET_OFFSET),
        buf.getInt(position + RECORD_COUNT_OFFSET),
        buf.getLong(position + APPEND_TIME_OFFSET),
        buf.getLong(position + MAX_TIMESTAMP_OFFSET),
        4 + length);
  }

  /**
   * Checks the frame that starts at {@code position}: enough bytes for its header and its declared length,
   * a known magic, at least one record, and a matching CRC.
   *
   * @return the size of the whole frame in bytes, or -1 if no valid frame starts there
   */
  public static int validFrameSize(ByteBuffer buf, int position, int limit) {
    if (limit - position < HEADER_SIZE) {
      return -1;
    }
    int length = buf.getInt(position + LENGTH_OFFSET);
    if (length < LENGTH_OVERHEAD || length > limit - position - 4) {
      return -1;
    }
    if (buf.get(position + MAGIC_OFFSET) != MAGIC || buf.getInt(position + RECORD_COUNT_OFFSET) < 1) {
      return -1;
    }
    CRC32C crc = new CRC32C();
    ByteBuffer covered = buf.duplicate();
    covered.limit(position + 4 + length).position(position + MAGIC_OFFSET);
    crc.update(covered);
    if ((int) crc.getValue() != buf.getInt(position + CRC_OFFSET)) {
      return -1;
    }
    return 4 + length;
  }

  /** The fixed fields of a frame. {@code frameSize} is the whole frame, header included. */
  public record Header(
      long baseOffset, int recordCount, long appendTimeMs, long maxTimestamp, int frameSize) {
    /** The offset after the last record of this batch. */
    public long nextOffset() {
      return baseOffset + recordCount;
    }
  }
}
