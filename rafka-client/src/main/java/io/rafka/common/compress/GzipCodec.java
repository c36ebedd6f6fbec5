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
    try (GZIPInputStream in = new GZIPInputStream(input.newInput(), STREAM_BUFFER)) {
      return BoundedDrain.drain(in, maxDecompressedBytes,
          BoundedDrain.initialCapacity(input.size(), maxDecompressedBytes), CompressionType.GZIP);
    } catch (IOException | RuntimeException e) {
      throw new CorruptCompressedDataException(CompressionType.GZIP, e);
    }
  }

  @Override
  public String toString() {
    return "Codec[gzip]";
  }
}
