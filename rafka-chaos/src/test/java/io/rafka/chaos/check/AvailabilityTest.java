package io.rafka.chaos.check;

import static io.rafka.chaos.check.Histories.assertCounts;
import static io.rafka.chaos.check.Histories.history;
import static io.rafka.chaos.check.Histories.threeReplicas;
import static io.rafka.chaos.check.Histories.writes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rafka.chaos.history.FinalRead;
import io.rafka.chaos.history.FinalReads;
import io.rafka.chaos.history.HistoryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Unavailability per fault and the check that every written partition takes writes again after healing. */
class AvailabilityTest {
  private static final String KILL = "kill node 1";

  /**
   * Three partitions written before node 1 is killed at 1000 ms. Partition 0 takes a write again at 1500 ms,
   * partition 1 at 2500 ms, partition 2 never: its write invoked at 1200 ms times out at 4000 ms, which ends
   * the history. The fault is healed at 3000 ms and partitions 0 and 1 take writes at 3500 ms.
   */
  private static List<HistoryEvent> killAndHeal() {
    return history(
        writes(0, "producer-0", 0, 0, "v0"),
        writes(0, "producer-1", 1, 0, "w0"),
        writes(0, "producer-2", 2, 0, "x0"),
        List.of(HistoryEvent.faultStart(1000, KILL),
            HistoryEvent.produce(1200, "producer-2", 2, "x1"),
            HistoryEvent.produce(1400, "producer-0", 0, "v1"),
            HistoryEvent.produceOk(1500, "producer-0", 0, "v1", 1),
            HistoryEvent.produce(2000, "producer-1", 1, "w1"),
            HistoryEvent.produceOk(2500, "producer-1", 1, "w1", 1),
            HistoryEvent.faultEnd(3000, KILL)),
        writes(3490, "producer-0", 0, 2, "v2"),
        writes(3490, "producer-1", 1, 2, "w2"),
        List.of(HistoryEvent.produceInfo(4000, "producer-2", 2, "x1", "timeout")));
  }

  private static FinalReads killAndHealFinalReads() {
    List<FinalRead> reads = new ArrayList<>(threeReplicas(0, "v0", "v1", "v2"));
    reads.addAll(threeReplicas(1, "w0", "w1", "w2"));
    reads.addAll(threeReplicas(2, "x0"));
    return new FinalReads(reads);
  }

  @Test
  void aWriteInFlightWhenTheFaultStartsDoesNotShowThePartitionAvailable() {
    List<HistoryEvent> history = history(
        writes(0, "producer-0", 0, 0, "v0"),
        List.of(HistoryEvent.produce(900, "producer-0", 0, "v1"),
            HistoryEvent.faultStart(1000, KILL),
            HistoryEvent.produceOk(1010, "producer-0", 0, "v1", 1),
            HistoryEvent.produce(1100, "producer-0", 0, "v2"),
            HistoryEvent.produceOk(4200, "producer-0", 0, "v2", 2),
            HistoryEvent.faultEnd(3000, KILL)));
    CheckResult result = Checker.check(history, new FinalReads(threeReplicas(0, "v0", "v1", "v2")));

    assertEquals(Map.of(0, 3200L), result.statistics().unavailability().get(0).millisByPartition(),
        "the acknowledgement at 1010 ms belongs to a write sent before the fault");
  }

  @Test
  void unavailabilityRunsFromTheFaultToEachPartitionsNextAcknowledgedWrite() {
    CheckResult result = Checker.check(killAndHeal(), killAndHealFinalReads());

    FaultUnavailability kill = result.statistics().unavailability().get(0);
    assertEquals(new FaultWindow(KILL, 1000, 3000, true), kill.fault());
    assertEquals(Map.of(0, 500L, 1, 1500L, 2, 3000L), kill.millisByPartition());
    assertEquals(Set.of(2), kill.neverWritten());
    assertEquals(1500, kill.p50Millis());
    assertEquals(3000, kill.maxMillis());
  }

  @Test
  void aPartitionWithNoWriteAfterTheLastHealIsUnavailable() {
    CheckResult result = Checker.check(killAndHeal(), killAndHealFinalReads());

    assertCounts(Map.of(Anomaly.UNAVAILABLE_AFTER_HEAL, 1L), result);
    assertEquals(List.of("partition 2 acknowledged no write from the last heal at 3000 ms to 33000 ms"),
        result.examples(Anomaly.UNAVAILABLE_AFTER_HEAL));
    assertEquals(12, result.checksPassed());
    assertEquals(1, result.checksFailed());
  }

  @Test
  void theDeadlineIsThirtySecondsAfterTheLastHealInclusive() {
    List<HistoryEvent> history = List.of(
        HistoryEvent.faultStart(0, "pause node 2"),
        HistoryEvent.faultStart(100, KILL),
        HistoryEvent.faultEnd(500, "pause node 2"),
        HistoryEvent.faultEnd(1000, KILL),
        HistoryEvent.produce(30_000, "producer-0", 0, "on-time"),
        HistoryEvent.produceOk(31_000, "producer-0", 0, "on-time", 0),
        HistoryEvent.produce(30_000, "producer-1", 1, "late"),
        HistoryEvent.produceOk(31_001, "producer-1", 1, "late", 0));
    FinalReads reads = FinalReads.of(Histories.replica(0, 1, "on-time"), Histories.replica(1, 1, "late"));

    CheckResult result = Checker.check(history, reads);

    assertCounts(Map.of(Anomaly.UNAVAILABLE_AFTER_HEAL, 1L), result);
    assertEquals("partition 1 acknowledged no write from the last heal at 1000 ms to 31000 ms",
        result.examples(Anomaly.UNAVAILABLE_AFTER_HEAL).get(0));
  }

  @Test
  void aFaultNeverHealedLeavesEveryWrittenPartitionUnavailable() {
    List<HistoryEvent> history = history(
        List.of(HistoryEvent.faultStart(0, KILL)),
        writes(100, "producer-0", 0, 0, "v0"),
        writes(100, "producer-1", 1, 0, "w0"));
    FinalReads reads = FinalReads.of(Histories.replica(0, 1, "v0"), Histories.replica(1, 1, "w0"));

    CheckResult result = Checker.check(history, reads);

    assertCounts(Map.of(Anomaly.UNAVAILABLE_AFTER_HEAL, 2L), result);
    assertEquals("partition 0 was never shown to recover: fault 'kill node 1' started at 0 ms was never healed",
        result.examples(Anomaly.UNAVAILABLE_AFTER_HEAL).get(0));
    assertEquals(new FaultWindow(KILL, 0, 105, false), result.statistics().faults().get(0));
  }
}
