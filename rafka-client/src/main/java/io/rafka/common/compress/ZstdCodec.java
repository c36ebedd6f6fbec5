package io.rafka.common.compress;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.ZstdIOException;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import java.io.IOException;
import java.util.Objects;

/**
 * Stateless and thread-safe: Zstandard through zstd-jni, each call with its own native context (freed when the
 * call ends).
 *
 * <p>Compression knows the input's size, so the frame records it and zstd shrinks the window to fit: a batch
 * of n bytes never needs a decoding window larger than n. Decompression streams through {@code
 * ZstdInputStreamNoFinalizer} with {@code windowLogMax} set to the limit rounded up to a power of two, so zstd
 * refuses (as {@link DecompressedTooLargeException}) a frame whose window would make it allocate more.
 *
 * <p>Any sequence of frames (and skippable frames) is accepted, as zstd does; bytes after the last frame are
 * corrupt, except that zstd-jni's stream ends without complaint on 1 to 3 trailing bytes that begin a frame's
 * magic number (the output is then exactly the frames' content).
 */
final class ZstdCodec implements Codec {
  static final ZstdCodec INSTANCE = new ZstdCodec();

  /** Kafka's and zstd's default level. */
  static final int LEVEL = 3;
  /** zstd's smallest window, 1 KiB. */
  private static final int MIN_WINDOW_LOG = 10;
  /** zstd's largest window on 64-bit, 2 GiB. */
  private static final int MAX_WINDOW_LOG = 31;

  private ZstdCodec() {}

  @Override
  public CompressionType type() {
    return CompressionType.ZSTD;
  }

  @Override
  public ByteString compress(ByteString input) {
    Objects.requireNonNull(input, "input");
    try (ZstdCompressCtx ctx = new ZstdCompressCtx()) {
      ctx.setLevel(LEVEL).setChecksum(true).setContentSize(true);
      return UnsafeByteOperations.unsafeWrap(ctx.compress(input.toByteArray()));
    }
  }

  @Override
  public ByteString decompress(ByteString input, int maxDecompressedBytes)
      throws CorruptCompressedDataException, DecompressedTooLargeException {
    Objects.requireNonNull(input, "input");
    BoundedDrain.checkLimit(maxDecompressedBytes);
    if (input.isEmpty()) {
      throw new CorruptCompressedDataException(CompressionType.ZSTD, "no bytes, so no zstd frame", null);
    }
    try (ZstdInputStreamNoFinalizer in = new ZstdInputStreamNoFinalizer(input.newInput())) {
      in.setLongMax(windowLogMax(maxDecompressedBytes));
      return BoundedDrain.drain(in, maxDecompressedBytes,
          BoundedDrain.initialCapacity(input.size(), maxDecompressedBytes), CompressionType.ZSTD);
    } catch (IOException | RuntimeException e) {
      if (isWindowTooLarge(e)) {
        throw new DecompressedTooLargeException(CompressionType.ZSTD, maxDecompressedBytes,
            "the frame's window is larger than 2^" + windowLogMax(maxDecompressedBytes) + " bytes");
      }
      throw new CorruptCompressedDataException(CompressionType.ZSTD, e);
    }
  }

  /** log2 of the smallest power of two at least {@code limit}, within zstd's window bounds. */
  static int windowLogMax(int limit) {
    int log = limit <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(limit - 1);
    return Math.max(MIN_WINDOW_LOG, Math.min(MAX_WINDOW_LOG, log));
  }

  private static boolean isWindowTooLarge(Exception e) {
    long code;
    if (e instanceof ZstdIOException io) {
      code = io.getErrorCode();
    } else if (e instanceof ZstdException z) {
      code = z.getErrorCode();
    } else {
      return false;
    }
    return code == Zstd.errFrameParameterWindowTooLarge();
  }

  @Override
  public String toString() {
    return "Codec[zstd]";
  }
}
