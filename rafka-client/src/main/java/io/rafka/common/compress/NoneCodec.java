package io.rafka.common.compress;

import com.google.protobuf.ByteString;
import java.util.Objects;

/** Stateless and thread-safe: the identity codec, whose decompress still enforces the size limit. */
final class NoneCodec implements Codec {
  static final NoneCodec INSTANCE = new NoneCodec();

  private NoneCodec() {}

  @Override
  public CompressionType type() {
    return CompressionType.NONE;
  }

  @Override
  public ByteString compress(ByteString input) {
    return Objects.requireNonNull(input, "input");
  }

  @Override
  public ByteString decompress(ByteString input, int maxDecompressedBytes) throws DecompressedTooLargeException {
    Objects.requireNonNull(input, "input");
    BoundedDrain.checkLimit(maxDecompressedBytes);
    if (input.size() > maxDecompressedBytes) {
      throw new DecompressedTooLargeException(CompressionType.NONE, maxDecompressedBytes,
          "the batch holds " + input.size() + " bytes");
    }
    return input;
  }

  @Override
  public String toString() {
    return "Codec[none]";
  }
}
