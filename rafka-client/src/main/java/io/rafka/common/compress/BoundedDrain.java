package io.rafka.common.compress;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Stateless and thread-safe: reads a decompressing stream to its end into one flat ByteString, never holding more
 * than a limit, and stops as soon as the stream yields a byte past it.
 *
 * <p>The buffer starts from a guess based on the compressed size (never on anything the data claims), doubles as
 * needed, and is capped at the limit; so at most about twice the limit is allocated in all, plus a copy of the
 * result when the last buffer is not exactly full.
 */
final class BoundedDrain {
  /** The smallest first buffer, unless the limit is smaller. */
  static final int MIN_CAPACITY = 1024;
  /** The largest first buffer: larger results grow into their size. */
  static final int MAX_INITIAL_CAPACITY = 1 << 20;
  /** Typical record batches compress 2-5x: guess 4x for the first buffer. */
  private static final int EXPECTED_RATIO = 4;
  /** A stream that answers 0 bytes this often in a row is broken; stop rather than spin. */
  private static final int MAX_EMPTY_READS = 1000;

  private BoundedDrain() {}

  /** @throws IllegalArgumentException if {@code maxDecompressedBytes} is negative */
  static void checkLimit(int maxDecompressedBytes) {
    if (maxDecompressedBytes < 0) {
      throw new IllegalArgumentException("maxDecompressedBytes must be at least 0, was " + maxDecompressedBytes);
    }
  }

  /** The first buffer size for a result of at most {@code limit} bytes from {@code compressedSize} bytes. */
  static int initialCapacity(int compressedSize, int limit) {
    long guess = Math.max(MIN_CAPACITY, (long) EXPECTED_RATIO * compressedSize);
    return (int) Math.min(Math.min(guess, MAX_INITIAL_CAPACITY), limit);
  }

  /**
   * Everything {@code in} yields until its end, if that is at most {@code limit} bytes.
   *
   * @throws IOException whatever {@code in} throws, or if it keeps yielding nothing without ending
   * @throws DecompressedTooLargeException as soon as {@code in} yields a byte past {@code limit}
   */
  static ByteString drain(InputStream in, int limit, int initialCapacity, CompressionType type)
      throws IOException, DecompressedTooLargeException {
    byte[] buf = new byte[Math.max(0, Math.min(limit, initialCapacity))];
    int count = 0;
    int emptyReads = 0;
    while (true) {
      if (count == buf.length) {
        if (count == limit) {
          if (in.read() >= 0) {
            throw new DecompressedTooLargeException(type, limit, "it decompresses to more than that");
          }
          break;
        }
        buf = Arrays.copyOf(buf, (int) Math.min(limit, Math.max(MIN_CAPACITY, 2L * buf.length)));
      }
      int n = in.read(buf, count, buf.length - count);
      if (n < 0) {
        break;
      }
      if (n == 0) {
        if (++emptyReads > MAX_EMPTY_READS) {
          throw new IOException("the decompressor made no progress in " + MAX_EMPTY_READS + " reads");
        }
        continue;
      }
      emptyReads = 0;
      count += n;
    }
    return count == buf.length ? UnsafeByteOperations.unsafeWrap(buf) : ByteString.copyFrom(buf, 0, count);
  }
}
