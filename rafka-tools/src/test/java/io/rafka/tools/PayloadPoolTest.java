package io.rafka.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PayloadPoolTest {
  private static final long SEED = 42;

  private static Set<ByteBuffer> distinct(PayloadPool pool) {
    Set<ByteBuffer> values = new HashSet<>();
    for (int i = 0; i < pool.size(); i++) {
      values.add(ByteBuffer.wrap(pool.get(i)));
    }
    return values;
  }

  @Test
  void everyValueHasTheRecordSize() {
    PayloadPool pool = new PayloadPool(1000, 500, PayloadPool.DEFAULT_POOL_BYTES, SEED);
    for (int i = 0; i < pool.size(); i++) {
      assertEquals(1000, pool.get(i).length);
    }
  }

  @Test
  void valuesAreDistinct() {
    PayloadPool pool = new PayloadPool(100, 10_000, PayloadPool.DEFAULT_POOL_BYTES, SEED);
    assertEquals(10_000, pool.size());
    assertEquals(10_000, distinct(pool).size());
  }

  @Test
  void tinyValuesAreDistinctToo() {
    // Only 256 one-byte values exist and 65536 two-byte ones; the pool takes half of them, however many
    // records the run sends.
    PayloadPool oneByte = new PayloadPool(1, 1_000_000, PayloadPool.DEFAULT_POOL_BYTES, SEED);
    assertEquals(128, oneByte.size());
    assertEquals(128, distinct(oneByte).size());
    PayloadPool twoBytes = new PayloadPool(2, 1_000_000, PayloadPool.DEFAULT_POOL_BYTES, SEED);
    assertEquals(32_768, twoBytes.size());
    assertEquals(32_768, distinct(twoBytes).size());
  }

  @Test
  void valuesAreNotAllTheSameByte() {
    byte[] value = new PayloadPool(64, 1, PayloadPool.DEFAULT_POOL_BYTES, SEED).get(0);
    Set<Byte> bytes = new HashSet<>();
    for (byte b : value) {
      bytes.add(b);
    }
    assertFalse(bytes.size() < 16, "64 random bytes with only " + bytes.size() + " different values");
  }

  @Test
  void theSizeIsBoundedByRecordsBytesAndCount() {
    assertEquals(7, new PayloadPool(10, 7, PayloadPool.DEFAULT_POOL_BYTES, SEED).size());
    assertEquals(4, new PayloadPool(1024, 1_000, 4096, SEED).size());
    assertEquals(PayloadPool.MAX_VALUES, new PayloadPool(10, 1_000_000, PayloadPool.DEFAULT_POOL_BYTES, SEED).size());
    // A value larger than the byte budget still gets a pool of one.
    assertEquals(1, new PayloadPool(1 << 20, 1_000, 4096, SEED).size());
  }

  @Test
  void handsOutTheSameArraysInTurn() {
    PayloadPool pool = new PayloadPool(16, 3, PayloadPool.DEFAULT_POOL_BYTES, SEED);
    assertSame(pool.get(0), pool.get(3));
    assertSame(pool.get(2), pool.get(3_000_000_000L + 2));
  }

  @Test
  void theSameSeedMakesTheSameValues() {
    PayloadPool a = new PayloadPool(32, 10, PayloadPool.DEFAULT_POOL_BYTES, SEED);
    PayloadPool b = new PayloadPool(32, 10, PayloadPool.DEFAULT_POOL_BYTES, SEED);
    PayloadPool c = new PayloadPool(32, 10, PayloadPool.DEFAULT_POOL_BYTES, SEED + 1);
    for (int i = 0; i < 10; i++) {
      assertArrayEquals(a.get(i), b.get(i));
    }
    assertFalse(ByteBuffer.wrap(a.get(0)).equals(ByteBuffer.wrap(c.get(0))));
  }

  @Test
  void refusesEmptyValues() {
    assertThrows(IllegalArgumentException.class, () -> new PayloadPool(0, 1, 1024, SEED));
  }
}
