package io.rafka.chaos.check;

import static io.rafka.chaos.check.Histories.assertCounts;
import static io.rafka.chaos.check.Histories.finalReads;
import static io.rafka.chaos.check.Histories.history;
import static io.rafka.chaos.check.Histories.read;
import static io.rafka.chaos.check.Histories.records;
import static io.rafka.chaos.check.Histories.replica;
import static io.rafka.chaos.check.Histories.writes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rafka.chaos.history.FinalReads;
import io.rafka.chaos.history.HistoryEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Anomalies of what was read: readers disagreeing, reads going back or skipping, replicas differing. */
class ReadAnomaliesTest {
  private static final List<HistoryEvent> ABCD = writes(0, "producer-1", 0, 0, "a", "b", "c", "d");
  private static final long NEXT = HistoryEvent.NONE;

  @Test
  void readersSeeingTwoValuesInOppositeOrdersDisagree() {
    // reader-2 sees b and a swapped: one disagreement with each of reader-1 and the three replicas. Swapped
    // values sit at two offsets each (DUPLICATE), share their offsets with others (CONFLICT), and are not in
    // the final log where reader-2 saw them (UNCOMMITTED_READ).
    List<HistoryEvent> history = history(
        writes(0, "producer-1", 0, 0, "a", "b", "c"),
        read(100, "reader-1", 0, 0, records(0, "a", "b", "c")),
        read(100, "reader-2", 0, 0, records(0, "b", "a", "c")));

    CheckResult result = Checker.check(history, finalReads(0, "a", "b", "c"));

    assertCounts(Map.of(Anomaly.ORDER_DISAGREEMENT, 4L, Anomaly.DUPLICATE, 2L, Anomaly.CONFLICT, 2L,
        Anomaly.UNCOMMITTED_READ, 2L), result);
    assertEquals("partition 0: reader-1 saw 'a' (offset 0) before 'b' (offset 1), reader-2 saw 'b' (offset 0) "
        + "before 'a' (offset 1)", result.examples(Anomaly.ORDER_DISAGREEMENT).get(0));
  }

  @Test
  void readsThatGoBackOrSkipAreOffsetRegressions() {
    List<HistoryEvent> history = history(ABCD,
        read(100, "reader-1", 0, 0, records(0, "a")),
        read(110, "reader-1", 0, NEXT, records(2, "c")),
        read(100, "reader-2", 0, 0, records(0, "a", "b")),
        read(110, "reader-2", 0, NEXT, records(1, "b", "c")),
        read(100, "reader-3", 0, 1, records(2, "c")),
        read(100, "reader-4", 0, 0, List.of(records(0, "a").get(0), records(2, "c").get(0))));

    CheckResult result = Checker.check(history, finalReads(0, "a", "b", "c", "d"));

    assertCounts(Map.of(Anomaly.OFFSET_REGRESSION, 4L), result);
    assertEquals(List.of(
        "reader-1 [110..115] of partition 0 skipped from offset 1 to offset 2",
        "reader-2 [110..115] of partition 0 went back to offset 1 from offset 2",
        "reader-3 [100..105] of partition 0 skipped from offset 1 to offset 2",
        "reader-4 [100..105] of partition 0 returned offset 2 right after offset 0"),
        result.examples(Anomaly.OFFSET_REGRESSION));
  }

  @Test
  void emptyAndFailedReadsMoveTheSessionOnlyBySeeking() {
    // Seeks move the session even when their read fails or returns nothing.
    List<HistoryEvent> history = history(ABCD,
        read(100, "reader-1", 0, 0, records(0, "a", "b")),
        read(110, "reader-1", 0, NEXT, records(2)),
        read(120, "reader-1", 0, NEXT, records(2, "c")),
        List.of(HistoryEvent.read(130, "reader-1", 0, 1), HistoryEvent.readFail(135, "reader-1", 0, "timeout")),
        read(140, "reader-1", 0, NEXT, records(1, "b")),
        read(150, "reader-1", 0, 0, records(0)),
        read(160, "reader-1", 0, NEXT, records(0, "a")));

    assertCounts(Map.of(), Checker.check(history, finalReads(0, "a", "b", "c", "d")));
  }

  @Test
  void eachPartitionIsItsOwnSession() {
    List<HistoryEvent> history = history(ABCD,
        writes(100, "producer-1", 1, 0, "x", "y"),
        read(200, "reader-1", 0, 0, records(0, "a", "b")),
        read(210, "reader-1", 1, 0, records(0, "x")),
        read(220, "reader-1", 0, NEXT, records(2, "c")),
        read(230, "reader-1", 1, NEXT, records(1, "y")));
    FinalReads reads = FinalReads.of(replica(0, 1, "a", "b", "c", "d"), replica(1, 1, "x", "y"));

    assertCounts(Map.of(), Checker.check(history, reads));
  }

  @Test
  void aReplicaHoldingAnotherValueDiverges() {
    List<HistoryEvent> history = history(
        writes(0, "producer-1", 0, 0, "a", "b", "c"),
        List.of(HistoryEvent.produce(40, "producer-2", 0, "x"),
            HistoryEvent.produceInfo(50, "producer-2", 0, "x", "timeout")));
    FinalReads reads = FinalReads.of(replica(0, 1, "a", "b", "c"), replica(0, 2, "a", "x", "c"),
        replica(0, 3, "a", "b", "c"));

    CheckResult result = Checker.check(history, reads);

    assertCounts(Map.of(Anomaly.REPLICA_DIVERGENCE, 1L, Anomaly.CONFLICT, 1L), result);
    assertEquals("partition 0: node 2 differs from node 1 at 1 offsets, first at offset 1 where node 2 has 'x' "
        + "and node 1 has 'b'", result.examples(Anomaly.REPLICA_DIVERGENCE).get(0));
  }

  @Test
  void everyReplicaBehindTheLongestDiverges() {
    FinalReads reads = FinalReads.of(replica(0, 1, "a", "b"), replica(0, 2, "a", "b", "c", "d"),
        replica(0, 3, "a"));

    CheckResult result = Checker.check(ABCD, reads);

    assertCounts(Map.of(Anomaly.REPLICA_DIVERGENCE, 2L), result);
    assertEquals(List.of(
        "partition 0: node 1 differs from node 2 at 2 offsets, first at offset 2 where node 1 has nothing and "
            + "node 2 has 'c'",
        "partition 0: node 3 differs from node 2 at 3 offsets, first at offset 1 where node 3 has nothing and "
            + "node 2 has 'b'"),
        result.examples(Anomaly.REPLICA_DIVERGENCE));
  }
}
