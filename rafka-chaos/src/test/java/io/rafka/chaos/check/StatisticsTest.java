package io.rafka.chaos.check;

import static io.rafka.chaos.check.Histories.finalReads;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rafka.chaos.history.EventType;
import io.rafka.chaos.history.HistoryEvent;
import io.rafka.chaos.history.OperationKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsTest {
  private static final String FAULT = "partition {1} {2,3}";

  /**
   * Writes with latencies of 10 and 30 ms before a fault from 1000 to 2000 ms, 200 ms during it (one more
   * timing out) and 4 ms after it; acknowledged in seconds 0, 0, 1 and 2.
   */
  private static List<HistoryEvent> history() {
    return List.of(
        HistoryEvent.produce(100, "producer-1", 0, "a"),
        HistoryEvent.produceOk(110, "producer-1", 0, "a", 0),
        HistoryEvent.produce(500, "producer-1", 0, "b"),
        HistoryEvent.produceOk(530, "producer-1", 0, "b", 1),
        HistoryEvent.faultStart(1000, FAULT),
        HistoryEvent.produce(1500, "producer-1", 0, "c"),
        HistoryEvent.produceOk(1700, "producer-1", 0, "c", 2),
        HistoryEvent.produce(1800, "producer-2", 0, "t"),
        HistoryEvent.faultEnd(2000, FAULT),
        HistoryEvent.produceInfo(2400, "producer-2", 0, "t", "timeout"),
        HistoryEvent.produce(2500, "producer-1", 0, "d"),
        HistoryEvent.produceOk(2504, "producer-1", 0, "d", 3),
        HistoryEvent.read(2600, "reader-1", 0, 0),
        HistoryEvent.readFail(2610, "reader-1", 0, "NOT_LEADER"));
  }

  private static Statistics statistics() {
    return Checker.check(history(), finalReads(0, "a", "b", "c", "d")).statistics();
  }

  @Test
  void latencyIsSummarizedPerPhaseOfTheInvoke() {
    Statistics statistics = statistics();

    assertEquals(new LatencySummary(2, 10, 30, 30), statistics.produceLatency().get(Phase.BEFORE_FAULTS));
    assertEquals(new LatencySummary(1, 200, 200, 200), statistics.produceLatency().get(Phase.DURING_FAULTS));
    assertEquals(new LatencySummary(1, 4, 4, 4), statistics.produceLatency().get(Phase.AFTER_HEAL));
  }

  @Test
  void theFaultPhaseIncludesItsStartAndItsHeal() {
    List<HistoryEvent> history = List.of(
        HistoryEvent.faultStart(1000, FAULT),
        HistoryEvent.produce(1000, "producer-1", 0, "a"),
        HistoryEvent.produceOk(1010, "producer-1", 0, "a", 0),
        HistoryEvent.faultEnd(2000, FAULT),
        HistoryEvent.produce(2000, "producer-1", 0, "b"),
        HistoryEvent.produceOk(2020, "producer-1", 0, "b", 1));

    Statistics statistics = Checker.check(history, finalReads(0, "a", "b")).statistics();

    assertEquals(new LatencySummary(2, 10, 20, 20), statistics.produceLatency().get(Phase.DURING_FAULTS));
    assertEquals(0, statistics.produceLatency().get(Phase.BEFORE_FAULTS).count());
    assertEquals(0, statistics.produceLatency().get(Phase.AFTER_HEAL).count());
  }

  @Test
  void throughputCountsAcknowledgedWritesPerSecond() {
    assertEquals(List.of(2L, 1L, 1L), statistics().okProducesPerSecond());
  }

  @Test
  void operationsAreCountedByFAndType() {
    OperationCounts counts = statistics().operations();

    assertEquals(5, counts.count(OperationKind.PRODUCE, EventType.INVOKE));
    assertEquals(4, counts.count(OperationKind.PRODUCE, EventType.OK));
    assertEquals(1, counts.count(OperationKind.PRODUCE, EventType.INFO));
    assertEquals(0, counts.count(OperationKind.PRODUCE, EventType.FAIL));
    assertEquals(1, counts.count(OperationKind.READ, EventType.FAIL));
    assertEquals(1, counts.count(OperationKind.FAULT, EventType.OK));
    assertEquals(0, counts.count(OperationKind.COMMIT, EventType.INVOKE));
  }

  @Test
  void withoutFaultsEveryWriteIsBeforeTheFirstFault() {
    List<HistoryEvent> history = List.of(
        HistoryEvent.produce(100, "producer-1", 0, "a"),
        HistoryEvent.produceOk(110, "producer-1", 0, "a", 0));

    Statistics statistics = Checker.check(history, finalReads(0, "a")).statistics();

    assertEquals(new LatencySummary(1, 10, 10, 10), statistics.produceLatency().get(Phase.BEFORE_FAULTS));
    assertEquals(new LatencySummary(0, 0, 0, 0), statistics.produceLatency().get(Phase.AFTER_HEAL));
    assertEquals(List.of(), statistics.unavailability());
  }

  @Test
  void percentilesAreNearestRank() {
    long[] hundred = new long[100];
    for (int i = 0; i < hundred.length; i++) {
      hundred[i] = 100 - i;
    }

    assertEquals(new LatencySummary(100, 50, 99, 100), LatencySummary.of(hundred));
    assertEquals(new LatencySummary(3, 2, 3, 3), LatencySummary.of(new long[] {3, 1, 2}));
  }
}
