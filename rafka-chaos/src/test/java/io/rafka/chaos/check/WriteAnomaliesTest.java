package io.rafka.chaos.check;

import static io.rafka.chaos.check.Histories.assertCounts;
import static io.rafka.chaos.check.Histories.finalReads;
import static io.rafka.chaos.check.Histories.history;
import static io.rafka.chaos.check.Histories.read;
import static io.rafka.chaos.check.Histories.records;
import static io.rafka.chaos.check.Histories.replica;
import static io.rafka.chaos.check.Histories.writes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.rafka.chaos.history.FinalReads;
import io.rafka.chaos.history.HistoryEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Anomalies of what was written: lost, duplicated, conflicting, invented, failed yet visible, misordered. */
class WriteAnomaliesTest {
  @Test
  void acknowledgedWritesMissingFromEveryReplicaAreLost() {
    List<HistoryEvent> history = writes(0, "producer-1", 0, 0, "a", "b", "c", "d", "e");

    CheckResult result = Checker.check(history, finalReads(0, "a", "b", "c"));

    assertCounts(Map.of(Anomaly.LOST, 2L), result);
    assertFalse(result.valid());
    assertEquals("'d' acknowledged at partition 0 offset 3 to producer-1 [30..35] is in no final read of "
        + "partition 0", result.examples(Anomaly.LOST).get(0));
  }

  @Test
  void aWriteOneReplicaLacksIsDivergenceNotLoss() {
    List<HistoryEvent> history = writes(0, "producer-1", 0, 0, "a", "b", "c");
    FinalReads reads = FinalReads.of(replica(0, 1, "a", "b", "c"), replica(0, 2, "a", "b", "c"),
        replica(0, 3, "a", "b"));

    assertCounts(Map.of(Anomaly.REPLICA_DIVERGENCE, 1L), Checker.check(history, reads));
  }

  @Test
  void aValueAtTwoOffsetsIsADuplicate() {
    List<HistoryEvent> history = writes(0, "producer-1", 0, 0, "a", "b", "c");

    CheckResult result = Checker.check(history, finalReads(0, "a", "b", "c", "a"));

    assertCounts(Map.of(Anomaly.DUPLICATE, 1L), result);
    assertEquals("'a' is at 2 offsets: partition 0 offset 0 (the ack to producer-1 at 5) and partition 0 "
        + "offset 3 (the final read of node 1)", result.examples(Anomaly.DUPLICATE).get(0));
  }

  @Test
  void twoValuesAtOneOffsetAreAConflict() {
    // x was sent but timed out; a reader sees it where the log holds b, so it also read something uncommitted.
    List<HistoryEvent> history = history(
        writes(0, "producer-1", 0, 0, "a", "b", "c"),
        List.of(HistoryEvent.produce(40, "producer-2", 0, "x"),
            HistoryEvent.produceInfo(50, "producer-2", 0, "x", "timeout")),
        read(100, "reader-1", 0, 0, records(0, "a", "x", "c")));

    CheckResult result = Checker.check(history, finalReads(0, "a", "b", "c"));

    assertCounts(Map.of(Anomaly.CONFLICT, 1L, Anomaly.UNCOMMITTED_READ, 1L), result);
    assertEquals("partition 0 offset 1 holds 2 values: 'b' (the ack to producer-1 at 15) and 'x' (reader-1's "
        + "read at 105 from node 1)", result.examples(Anomaly.CONFLICT).get(0));
  }

  @Test
  void anAckAtAnOffsetHoldingAnotherValueIsAConflict() {
    // d was acknowledged at offset 2, which holds c; d is nowhere, so it is lost as well.
    List<HistoryEvent> history = history(
        writes(0, "producer-1", 0, 0, "a", "b", "c"),
        writes(100, "producer-2", 0, 2, "d"));

    assertCounts(Map.of(Anomaly.CONFLICT, 1L, Anomaly.LOST, 1L),
        Checker.check(history, finalReads(0, "a", "b", "c")));
  }

  @Test
  void aValueNobodySentIsAPhantom() {
    List<HistoryEvent> history = history(
        writes(0, "producer-1", 0, 0, "a", "b", "c"),
        read(100, "reader-1", 0, 0, records(0, "a", "b", "c")),
        read(110, "reader-1", 0, HistoryEvent.NONE, records(3, "z")));

    CheckResult result = Checker.check(history, finalReads(0, "a", "b", "c", "z"));

    assertCounts(Map.of(Anomaly.PHANTOM, 1L), result);
    assertEquals("'z' at partition 0 offset 3 (reader-1's read at 115 from node 1) was never sent",
        result.examples(Anomaly.PHANTOM).get(0));
  }

  @Test
  void aDefinitelyFailedWriteThatIsReadIsVisible() {
    List<HistoryEvent> history = history(
        writes(0, "producer-1", 0, 0, "a", "b", "c"),
        List.of(HistoryEvent.produce(40, "producer-1", 0, "d"),
            HistoryEvent.produceFail(45, "producer-1", 0, "d", "INVALID_RECORD")));

    CheckResult result = Checker.check(history, finalReads(0, "a", "b", "c", "d"));

    assertCounts(Map.of(Anomaly.FAILED_WRITE_VISIBLE, 1L), result);
    assertEquals("'d' failed for producer-1 [40..45] (INVALID_RECORD) but is at partition 0 offset 3 (the final "
        + "read of node 1)", result.examples(Anomaly.FAILED_WRITE_VISIBLE).get(0));
  }

  @Test
  void aWriteInvokedAfterAnotherWasAcknowledgedMustGetAHigherOffset() {
    // a is acknowledged at offset 1 at time 5; b, invoked at 10, gets offset 0; c, invoked at 20, offset 2.
    List<HistoryEvent> history = List.of(
        HistoryEvent.produce(0, "producer-1", 0, "a"),
        HistoryEvent.produceOk(5, "producer-1", 0, "a", 1),
        HistoryEvent.produce(10, "producer-2", 0, "b"),
        HistoryEvent.produceOk(15, "producer-2", 0, "b", 0),
        HistoryEvent.produce(20, "producer-2", 0, "c"),
        HistoryEvent.produceOk(25, "producer-2", 0, "c", 2));

    CheckResult result = Checker.check(history, finalReads(0, "b", "a", "c"));

    assertCounts(Map.of(Anomaly.ACK_ORDER, 1L), result);
    assertEquals("partition 0: 'b' by producer-2 [10..15] got offset 0, but 'a' by producer-1 [0..5] was "
        + "acknowledged at offset 1 before it was invoked", result.examples(Anomaly.ACK_ORDER).get(0));
  }

  @Test
  void ackOrderIsCheckedPerPartition() {
    List<HistoryEvent> history = history(
        writes(0, "producer-1", 0, 0, "a", "b", "c"),
        writes(100, "producer-1", 1, 0, "x"));

    FinalReads reads = new FinalReads(List.of(replica(0, 1, "a", "b", "c"), replica(1, 1, "x")));

    assertCounts(Map.of(), Checker.check(history, reads));
  }

  @Test
  void aReadValueTheFinalLogDoesNotHoldWasUncommitted() {
    List<HistoryEvent> history = history(
        writes(0, "producer-1", 0, 0, "a", "b", "c"),
        List.of(HistoryEvent.produce(40, "producer-1", 0, "d"),
            HistoryEvent.produceInfo(1040, "producer-1", 0, "d", "timeout")),
        read(100, "reader-1", 0, 0, records(0, "a", "b", "c")),
        read(110, "reader-1", 0, HistoryEvent.NONE, records(3, "d")),
        read(120, "reader-2", 0, 3, records(3, "d")));

    CheckResult result = Checker.check(history, finalReads(0, "a", "b", "c"));

    assertCounts(Map.of(Anomaly.UNCOMMITTED_READ, 1L), result);
    assertEquals("'d' read at partition 0 offset 3 (reader-1's read at 115 from node 1) but the final reads hold "
        + "nothing there", result.examples(Anomaly.UNCOMMITTED_READ).get(0));
  }

  @Test
  void aPartitionWithNoFinalReadLosesEveryAcknowledgedWrite() {
    List<HistoryEvent> history = writes(0, "producer-1", 3, 0, "a", "b");

    assertCounts(Map.of(Anomaly.LOST, 2L), Checker.check(history, new FinalReads(List.of())));
  }

  @Test
  void examplesStopAtTenButCountsGoOn() {
    String[] values = new String[25];
    for (int i = 0; i < values.length; i++) {
      values[i] = "v" + i;
    }

    CheckResult result = Checker.check(writes(0, "producer-1", 0, 0, values), finalReads(0));

    assertCounts(Map.of(Anomaly.LOST, 25L), result);
    assertEquals(10, result.examples(Anomaly.LOST).size());
  }
}
