package io.rafka.common.compress;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import java.io.ByteArrayOutputStream;

/**
 * Not thread-safe (one per call): a growable in-memory output that hands its bytes over as a ByteString without
 * a second copy when its array is exactly full.
 */
final class ByteSink extends ByteArrayOutputStream {
  ByteSink(int initialCapacity) {
    super(Math.max(initialCapacity, 32));
  }

  /** The bytes written so far; the sink must not be written to afterwards. */
  synchronized ByteString toByteString() {
    return count == buf.length ? UnsafeByteOperations.unsafeWrap(buf) : ByteString.copyFrom(buf, 0, count);
  }
}
