package io.rafka.common.compress;

import com.google.protobuf.ByteString;
import java.util.Objects;

/**
 * Stateless and thread-safe: compresses a record batch's bytes as a whole, and decompresses them without ever
 * holding more than a caller-given number of decompressed bytes.
 *
 * <p>{@link #decompress} streams: it stops with {@link DecompressedTooLargeException} as soon as the output would
 * pass the limit, and it never sizes a buffer from a length the input states. Its output buffer starts from a
 * guess based on the compressed size and doubles up to the limit, so a "compression bomb" makes it allocate
 * about twice the limit in all, plus the codec's working memory. Headers that would make a codec's library
 * allocate more than the limit up front are refused before decoding starts (as too large): an LZ4 frame whose
 * declared block size is larger than both the limit and 64 KiB (what {@link #compress} writes), and a Zstandard
 * frame whose window is larger than the limit rounded up to a power of two. So a call's working memory stays
 * within a small multiple of the larger of the limit and 64 KiB: LZ4 two block buffers, Zstandard its native
 * window and 128 KiB of buffers, GZIP zlib's 32 KiB window.
 *
 * <p>What {@link #compress} writes per codec: {@link CompressionType#NONE} the input itself; {@link
 * CompressionType#LZ4} one LZ4 frame (64 KiB independent blocks, content size and content checksum);
 * {@link CompressionType#ZSTD} one Zstandard frame (level 3, content size and checksum); {@link
 * CompressionType#GZIP} one GZIP member at the JDK's default level. Each {@code decompress} accepts what its
 * {@code compress} writes; LZ4 accepts exactly one frame with nothing after it, Zstandard any sequence of
 * frames, GZIP any sequence of members (bytes after the last member that do not start another one are ignored,
 * as the JDK's {@code GZIPInputStream} does).
 *
 * <p>Library failures on bad data (their {@code IOException}s and runtime exceptions) all become {@link
 * CorruptCompressedDataException}. A native library that cannot be loaded surfaces as the library's own {@code
 * Error} on first use of that codec: Zstandard needs zstd-jni's native code; LZ4 falls back to a pure-Java
 * implementation.
 */
public sealed interface Codec permits NoneCodec, Lz4Codec, ZstdCodec, GzipCodec {

  /** The codec for {@code type}; the same instance every time. */
  static Codec of(CompressionType type) {
    return switch (Objects.requireNonNull(type, "type")) {
      case NONE -> NoneCodec.INSTANCE;
      case LZ4 -> Lz4Codec.INSTANCE;
      case ZSTD -> ZstdCodec.INSTANCE;
      case GZIP -> GzipCodec.INSTANCE;
    };
  }

  /** Which codec this is. */
  CompressionType type();

  /** {@code input} compressed as a whole, as described in the class comment. */
  ByteString compress(ByteString input);

  /**
   * {@code input} decompressed, if that comes to at most {@code maxDecompressedBytes} bytes.
   *
   * @param maxDecompressedBytes the largest result accepted, at least 0
   * @throws CorruptCompressedDataException if {@code input} is not valid data for this codec
   * @throws DecompressedTooLargeException if the result would be larger than {@code maxDecompressedBytes}, or
   *     the input's header asks for more working memory than that (see the class comment)
   * @throws IllegalArgumentException if {@code maxDecompressedBytes} is negative
   */
  ByteString decompress(ByteString input, int maxDecompressedBytes)
      throws CorruptCompressedDataException, DecompressedTooLargeException;
}
