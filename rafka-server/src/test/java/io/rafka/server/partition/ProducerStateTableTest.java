package io.rafka.server.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.rafka.proto.ErrorCode;
import org.junit.jupiter.api.Test;

class ProducerStateTableTest {
  private final ProducerStateTable table = new ProducerStateTable();

  @Test
  void aRetryOfAnyOfTheLastFiveBatchesIsADuplicateWithItsOriginalOffset() {
    for (int i = 0; i < 7; i++) {
      assertInstanceOf(ProducerStateTable.Append.class, table.check(7, 0, i * 10, 10));
      table.record(7, 0, i * 10, 10, 100 + i * 10, 1000 + i);
    }
    for (int i = 2; i < 7; i++) {
      ProducerStateTable.Check c = table.check(7, 0, i * 10, 10);
      ProducerStateTable.Duplicate d = assertInstanceOf(ProducerStateTable.Duplicate.class, c);
      assertEquals(100 + i * 10, d.baseOffset());
    }
    // Older than the window: refused rather than written twice.
    ProducerStateTable.Refuse old = assertInstanceOf(ProducerStateTable.Refuse.class, table.check(7, 0, 10, 10));
    assertEquals(ErrorCode.OUT_OF_ORDER_SEQUENCE, old.code());
  }

  @Test
  void aGapIsRefused() {
    table.record(1, 0, 0, 5, 0, 1);
    ProducerStateTable.Refuse r = assertInstanceOf(ProducerStateTable.Refuse.class, table.check(1, 0, 6, 1));
    assertEquals(ErrorCode.OUT_OF_ORDER_SEQUENCE, r.code());
    assertInstanceOf(ProducerStateTable.Append.class, table.check(1, 0, 5, 1));
  }

  @Test
  void anOlderEpochIsFencedAndANewEpochMustStartAtZero() {
    table.record(1, 3, 0, 1, 0, 1);
    assertEquals(ErrorCode.INVALID_PRODUCER_EPOCH,
        assertInstanceOf(ProducerStateTable.Refuse.class, table.check(1, 2, 1, 1)).code());
    assertEquals(ErrorCode.OUT_OF_ORDER_SEQUENCE,
        assertInstanceOf(ProducerStateTable.Refuse.class, table.check(1, 4, 5, 1)).code());
    assertInstanceOf(ProducerStateTable.Append.class, table.check(1, 4, 0, 1));
  }

  @Test
  void anUnknownProducerMustStartAtZero() {
    assertEquals(ErrorCode.UNKNOWN_PRODUCER_ID,
        assertInstanceOf(ProducerStateTable.Refuse.class, table.check(42, 0, 785, 10)).code());
    assertInstanceOf(ProducerStateTable.Append.class, table.check(42, 0, 0, 10));
  }

  @Test
  void sequencesWrapAtIntMax() {
    table.record(1, 0, Integer.MAX_VALUE - 1, 2, 0, 1);
    assertInstanceOf(ProducerStateTable.Append.class, table.check(1, 0, 0, 1));
  }

  @Test
  void snapshotRoundTripKeepsDuplicateDetection() {
    table.record(9, 1, 0, 3, 40, 5);
    ProducerStateTable restored = new ProducerStateTable();
    restored.loadSnapshot(table.toSnapshot());
    assertEquals(40, assertInstanceOf(ProducerStateTable.Duplicate.class, restored.check(9, 1, 0, 3)).baseOffset());
  }

  @Test
  void expiryUsesTheLogsClock() {
    table.record(1, 0, 0, 1, 0, 100);
    table.record(2, 0, 0, 1, 1, 500);
    assertEquals(1, table.expire(200));
    assertEquals(1, table.size());
  }
}
