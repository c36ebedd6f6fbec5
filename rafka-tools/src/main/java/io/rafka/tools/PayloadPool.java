package io.rafka.tools;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Distinct random record values, all made up front and handed out in turn, so that sending allocates no
 * payload and the random number generator stays out of the measured loop. Immutable after construction and
 * thread-safe, provided nobody writes into the arrays it hands out.
 *
 * <p>Values are random bytes and distinct so that compression and deduplication see realistic data rather
 * than one payload repeated. The pool is bounded in bytes and in count: once it is larger than what a batch
 * holds, more values would change nothing but the heap.
 */
final class PayloadPool {
  /** The pool size the tool uses; a batch is 16 KiB by default, so 8 MiB of values never repeat within one. */
  static final long DEFAULT_POOL_BYTES = 8L << 20;
  /**
   * The most values, whatever their size: tiny values cost far more in array headers (and, while the pool
   * is built, in the set that checks them) than in bytes, and more of them would make no difference.
   */
  static final int MAX_VALUES = 1 << 16;

  private final byte[][] payloads;

  /**
   * @param recordSize bytes per value, at least 1
   * @param numRecords how many records the run sends; the pool holds no more values than that
   * @param poolBytes how many bytes all values together may take; at least one value is made
   * @param seed the same seed makes the same values
   */
  PayloadPool(int recordSize, long numRecords, long poolBytes, long seed) {
    if (recordSize < 1) {
      throw new IllegalArgumentException("the record size must be at least 1, was " + recordSize);
    }
    long wanted = Math.min(Math.min(numRecords, poolBytes / recordSize), halfOfAllValues(recordSize));
    int count = (int) Math.max(1, Math.min(wanted, MAX_VALUES));
    SplittableRandom random = new SplittableRandom(seed);
    Set<ByteBuffer> seen = new HashSet<>();
    payloads = new byte[count][];
    for (int i = 0; i < count; i++) {
      byte[] payload = new byte[recordSize];
      // A repeat is all but impossible from 8 bytes on, but tiny values repeat often; draw again until new.
      do {
        random.nextBytes(payload);
      } while (!seen.add(ByteBuffer.wrap(payload)));
      payloads[i] = payload;
    }
  }

  /**
   * Half of the 256^size values of {@code size} bytes (Long.MAX_VALUE when that is larger): a pool of every
   * value would need ever more draws to find the last few, a pool of half of them needs 1.4 draws a value.
   */
  private static long halfOfAllValues(int size) {
    return size >= Long.BYTES ? Long.MAX_VALUE : 1L << (Byte.SIZE * size - 1);
  }

  /** The value for the record with this (0-based) number; the pool wraps around when the run is longer. */
  byte[] get(long recordIndex) {
    return payloads[(int) (recordIndex % payloads.length)];
  }

  /** How many distinct values the pool holds. */
  int size() {
    return payloads.length;
  }
}
