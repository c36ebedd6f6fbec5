package io.rafka.chaos.check;

import static io.rafka.chaos.check.Histories.assertCounts;
import static io.rafka.chaos.check.Histories.commit;
import static io.rafka.chaos.check.Histories.finalReads;
import static io.rafka.chaos.check.Histories.groupRead;
import static io.rafka.chaos.check.Histories.history;
import static io.rafka.chaos.check.Histories.read;
import static io.rafka.chaos.check.Histories.records;
import static io.rafka.chaos.check.Histories.threeReplicas;
import static io.rafka.chaos.check.Histories.writes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rafka.chaos.history.FinalRead;
import io.rafka.chaos.history.FinalReads;
import io.rafka.chaos.history.HistoryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CleanRunTest {
  private static final String FAULT = "partition {1} {2,3}";

  /**
   * Two partitions written through a fault, read by plain readers (with a seek and an empty read) and by a
   * group whose partition moves from one member to another, with an indeterminate write that never landed.
   */
  static List<HistoryEvent> cleanHistory() {
    return history(
        writes(0, "producer-1", 0, 0, "a0", "a1", "a2"),
        writes(0, "producer-2", 1, 0, "b0", "b1"),
        List.of(HistoryEvent.faultStart(100, FAULT)),
        writes(110, "producer-1", 0, 3, "a3"),
        List.of(HistoryEvent.produce(120, "producer-2", 1, "b-timeout"),
            HistoryEvent.produceInfo(1120, "producer-2", 1, "b-timeout", "request timed out"),
            HistoryEvent.read(1200, "reader-1", 0, 0),
            HistoryEvent.readFail(1210, "reader-1", 0, "NOT_LEADER"),
            HistoryEvent.faultEnd(2000, FAULT)),
        writes(2100, "producer-1", 0, 4, "a4"),
        writes(2100, "producer-2", 1, 2, "b2"),
        read(2200, "reader-1", 0, 0, records(0, "a0", "a1", "a2", "a3", "a4")),
        read(2210, "reader-1", 0, HistoryEvent.NONE, records(5)),
        read(2300, "reader-2", 1, 1, records(1, "b1", "b2")),
        groupRead(2400, "g", "member-1", 0, 0, records(0, "a0", "a1")),
        commit(2410, "g", "member-1", 0, 2),
        groupRead(2500, "g", "member-2", 0, 2, records(2, "a2", "a3", "a4")),
        commit(2510, "g", "member-2", 0, 5));
  }

  static FinalReads cleanFinalReads() {
    List<FinalRead> reads = new ArrayList<>(threeReplicas(0, "a0", "a1", "a2", "a3", "a4"));
    reads.addAll(threeReplicas(1, "b0", "b1", "b2"));
    return new FinalReads(reads);
  }

  @Test
  void aCleanRunPassesEveryCheck() {
    CheckResult result = Checker.check(cleanHistory(), cleanFinalReads());

    assertCounts(Map.of(), result);
    assertTrue(result.valid(), result::summary);
    assertEquals(Anomaly.values().length, result.checksPassed());
    assertEquals(0, result.checksFailed());
    assertTrue(result.summary().endsWith("\n13 passed, 0 failed\n"), result::summary);
  }

  @Test
  void writesInFlightTogetherMayLandInEitherOrder() {
    // b was invoked before a was acknowledged: they were concurrent, so b may come first.
    List<HistoryEvent> history = List.of(
        HistoryEvent.produce(0, "producer-1", 0, "a"),
        HistoryEvent.produce(5, "producer-2", 0, "b"),
        HistoryEvent.produceOk(10, "producer-2", 0, "b", 0),
        HistoryEvent.produceOk(20, "producer-1", 0, "a", 1));

    assertCounts(Map.of(), Checker.check(history, finalReads(0, "b", "a")));
  }

  @Test
  void oneProducerMayHaveManyWritesInFlight() {
    List<HistoryEvent> history = List.of(
        HistoryEvent.produce(0, "producer-1", 0, "a"),
        HistoryEvent.produce(1, "producer-1", 0, "b"),
        HistoryEvent.produceOk(10, "producer-1", 0, "b", 1),
        HistoryEvent.produceOk(11, "producer-1", 0, "a", 0));

    assertCounts(Map.of(), Checker.check(history, finalReads(0, "a", "b")));
  }

  @Test
  void aReaderMaySeekBackAndRereadTheSameRecords() {
    List<HistoryEvent> history = history(
        writes(0, "producer-1", 0, 0, "a", "b", "c"),
        read(100, "reader-1", 0, 0, records(0, "a", "b", "c")),
        read(110, "reader-1", 0, 1, records(1, "b", "c")),
        read(120, "reader-1", 0, HistoryEvent.NONE, records(3)));

    assertCounts(Map.of(), Checker.check(history, finalReads(0, "a", "b", "c")));
  }

  @Test
  void anEmptyHistoryWithNoFinalReadsIsValid() {
    CheckResult result = Checker.check(List.of(), new FinalReads(List.of()));

    assertCounts(Map.of(), result);
    assertEquals(List.of(0L), result.statistics().okProducesPerSecond());
  }
}
