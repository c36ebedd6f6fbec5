package io.rafka.chaos.check;

import static io.rafka.chaos.check.Histories.finalReads;
import static io.rafka.chaos.check.Histories.history;
import static io.rafka.chaos.check.Histories.writes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.rafka.chaos.history.HistoryEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultFormatTest {
  private static final String FAULT = "partition {1} {2,3}";

  /** Writes acknowledged in seconds 0 and 2 with a fault over second 1; d is lost. */
  private static CheckResult result() {
    List<HistoryEvent> history = history(
        writes(0, "producer-1", 0, 0, "a", "b"),
        List.of(HistoryEvent.faultStart(1000, FAULT), HistoryEvent.faultEnd(1900, FAULT)),
        writes(2000, "producer-1", 0, 2, "c", "d"));
    return Checker.check(history, finalReads(0, "a", "b", "c"), RunInfo.of(42, 3, 1, 2015));
  }

  @Test
  void theSummaryShowsRunFaultsOperationsAnomaliesThroughputLatencyAndUnavailability() {
    assertEquals("""
        Chaos run: seed 42, 3 nodes, 1 partitions, 2.015 s
        Faults: 1
          1.000 s - 1.900 s  partition {1} {2,3}
        Operations:            invoke       ok     fail     info
          produce                   4        4        0        0
          read                      0        0        0        0
          commit                    0        0        0        0
          fault                     1        1        0        0
        Anomalies:
          LOST                          1  an acknowledged write is in no replica's final read of its partition
              'd' acknowledged at partition 0 offset 3 to producer-1 [2010..2015] is in no final read of partition 0
          DUPLICATE                     0  a value is at two offsets (in reads, final reads or acks)
          CONFLICT                      0  two values at one partition offset (in reads, final reads or acks)
          PHANTOM                       0  a value was read that no producer ever sent
          REPLICA_DIVERGENCE            0  a replica's final read differs from the partition's longest one
          ORDER_DISAGREEMENT            0  two readers saw two values of a partition in opposite orders
          OFFSET_REGRESSION             0  a read went back or skipped ahead of where its reader stood
          ACK_ORDER                     0  a write got a lower offset than one acknowledged before it was invoked
          UNCOMMITTED_READ              0  a value was read at an offset that holds something else, or nothing, \
        in the final reads
          COMMIT_REGRESSION             0  a group commit stored a lower offset than one acknowledged before it \
        was invoked
          GROUP_SKIP                    0  an offset below a group's committed offset was read by none of its members
          FAILED_WRITE_VISIBLE          0  a write that definitely failed was read
          UNAVAILABLE_AFTER_HEAL        0  a written partition took no write within 30 s of the last heal, or a \
        fault was never healed
        Throughput (acknowledged writes per second; * = faults active):
               0 s        2
               1 s        0  * partition {1} {2,3}
               2 s        2
        Produce latency (ms, acknowledged writes by the phase they were invoked in):
          before the first fault                 n=2 p50=5 p99=5 max=5
          from the first fault to the last heal  n=0 p50=0 p99=0 max=0
          after the last heal                    n=2 p50=5 p99=5 max=5
        Unavailability per fault (ms from its start to the first acknowledgement, per partition, of a write invoked after it started):
          partition {1} {2,3} at 1.000 s: p50=1005 max=1005
        12 passed, 1 failed
        """, result().summary());
  }

  @Test
  void withoutASeedTheSummaryTellsWhatTheHistoryShows() {
    List<HistoryEvent> history = writes(0, "producer-1", 0, 0, "a");

    String summary = Checker.check(history, finalReads(0, "a")).summary();

    assertEquals("Chaos run: seed unknown, 3 nodes, 1 partitions, 0.005 s", summary.lines().findFirst().orElseThrow());
  }

  @Test
  void theJsonCarriesTheVerdictAnomaliesAndStatistics() {
    JsonObject json = JsonParser.parseString(result().toJson()).getAsJsonObject();

    assertFalse(json.get("valid").getAsBoolean());
    assertEquals(12, json.get("passed").getAsInt());
    assertEquals(1, json.get("failed").getAsInt());
    assertEquals(42, json.getAsJsonObject("run").get("seed").getAsLong());
    JsonObject lost = json.getAsJsonObject("anomalies").getAsJsonObject("LOST");
    assertEquals(1, lost.get("count").getAsLong());
    assertEquals(1, lost.getAsJsonArray("examples").size());
    assertEquals(0, json.getAsJsonObject("anomalies").getAsJsonObject("GROUP_SKIP").get("count").getAsLong());
    assertEquals(4, json.getAsJsonObject("operations").getAsJsonObject("produce").get("ok").getAsLong());
    JsonObject fault = json.getAsJsonArray("faults").get(0).getAsJsonObject();
    assertEquals(FAULT, fault.get("fault").getAsString());
    assertEquals(1005, fault.get("unavailabilityMaxMillis").getAsLong());
    assertEquals("[2,0,2]", json.getAsJsonArray("okProducesPerSecond").toString());
    assertEquals(5, json.getAsJsonObject("produceLatency").getAsJsonObject("AFTER_HEAL").get("p99Millis").getAsLong());
  }
}
