package io.rafka.common.compress;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Stateless and thread-safe: GZIP through the JDK's {@code GZIPOutputStream} and {@code GZIPInputStream}, each
 * call with its own streams (and so its own zlib state, released when the call ends).
 */
final class GzipCodec implements Codec {
  static final GzipCodec INSTANCE = new GzipCodec();

  private static final int STREAM_BUFFER = 8 * 1024;
  /** A member's fixed header (10 bytes) and trailer (8 bytes); the deflate data between is at least 2 more. */
  private static final int MIN_MEMBER_SIZE = 18;

  private GzipCodec() {}

  @Override
  public CompressionType type() {
    return CompressionType.GZIP;
  }

  @Override
  public ByteString compress(ByteString input) {
    Objects.requireNonNull(input, "input");
    ByteSink sink = new ByteSink(input.size() / 4 + 64);
    try (GZIPOutputStream out = new GZIPOutputStream(sink, STREAM_BUFFER)) {
      input.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException("gzip compression into memory failed", e);
    }
    return sink.toByteString();
  }

  @Override
  public ByteString decompress(ByteString input, int maxDecompressedBytes)
      throws CorruptCompressedDataException, DecompressedTooLargeException {
    Objects.requireNonNull(input, "input");
    BoundedDrain.checkLimit(maxDecompressedBytes);
    checkMemberStart(input);
    try (GZIPInputStream in = new GZIPInputStream(input.newInput(), STREAM_BUFFER)) {
      return BoundedDrain.drain(in, maxDecompressedBytes,
          BoundedDrain.initialCapacity(input.size(), maxDecompressedBytes), CompressionType.GZIP);
    } catch (IOException | RuntimeException e) {
      throw new CorruptCompressedDataException(CompressionType.GZIP, e);
    }
  }

  /** Refuses what cannot be gzip before the JDK allocates an inflater for it. */
  private static void checkMemberStart(ByteString input) throws CorruptCompressedDataException {
    if (input.size() < MIN_MEMBER_SIZE) {
      throw new CorruptCompressedDataException(CompressionType.GZIP, input.size()
          + " bytes are too few for a gzip member", null);
    }
    if ((input.byteAt(0) & 0xFF) != 0x1f || (input.byteAt(1) & 0xFF) != 0x8b) {
      throw new CorruptCompressedDataException(CompressionType.GZIP, String.format(
          "does not start with the gzip magic number (found %02x%02x)", input.byteAt(0), input.byteAt(1)), null);
    }
  }

  @Override
  public String toString() {
    return "Codec[gzip]";
  }
}
