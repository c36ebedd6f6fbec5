package io.rafka.chaos.check;

import static io.rafka.chaos.check.Histories.assertCounts;
import static io.rafka.chaos.check.Histories.finalReads;
import static io.rafka.chaos.check.Histories.history;
import static io.rafka.chaos.check.Histories.read;
import static io.rafka.chaos.check.Histories.records;
import static io.rafka.chaos.check.Histories.writes;

import io.rafka.chaos.history.HistoryEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Writes whose outcome is unknown may or may not be in the log; definitely failed ones must not be. */
class IndeterminateWritesTest {
  private static final List<HistoryEvent> TIMED_OUT_WRITE_OF_X = history(
      writes(0, "producer-1", 0, 0, "a", "b"),
      List.of(HistoryEvent.produce(30, "producer-2", 0, "x"),
          HistoryEvent.produceInfo(1030, "producer-2", 0, "x", "request timed out")));

  @Test
  void anIndeterminateWriteThatLandedIsFine() {
    List<HistoryEvent> history = history(TIMED_OUT_WRITE_OF_X,
        read(2000, "reader-1", 0, 0, records(0, "a", "b", "x")));

    assertCounts(Map.of(), Checker.check(history, finalReads(0, "a", "b", "x")));
  }

  @Test
  void anIndeterminateWriteThatVanishedIsFine() {
    assertCounts(Map.of(), Checker.check(TIMED_OUT_WRITE_OF_X, finalReads(0, "a", "b")));
  }

  @Test
  void aWriteStillInFlightWhenTheHistoryEndedMayLandOrNot() {
    List<HistoryEvent> history = history(
        writes(0, "producer-1", 0, 0, "a"),
        List.of(HistoryEvent.produce(30, "producer-1", 0, "y")));

    assertCounts(Map.of(), Checker.check(history, finalReads(0, "a", "y")));
    assertCounts(Map.of(), Checker.check(history, finalReads(0, "a")));
  }

  @Test
  void anIndeterminateWriteThatLandedTwiceIsADuplicate() {
    assertCounts(Map.of(Anomaly.DUPLICATE, 1L), Checker.check(TIMED_OUT_WRITE_OF_X, finalReads(0, "a", "b", "x", "x")));
  }

  @Test
  void aDefinitelyFailedWriteThatVanishedIsFine() {
    List<HistoryEvent> history = history(
        writes(0, "producer-1", 0, 0, "a"),
        List.of(HistoryEvent.produce(30, "producer-1", 0, "z"),
            HistoryEvent.produceFail(35, "producer-1", 0, "z", "RECORD_TOO_LARGE")));

    assertCounts(Map.of(), Checker.check(history, finalReads(0, "a")));
  }

  @Test
  void aDefinitelyFailedWriteSeenByAReaderIsVisibleEvenIfTheLogLostItLater() {
    List<HistoryEvent> history = history(
        writes(0, "producer-1", 0, 0, "a"),
        List.of(HistoryEvent.produce(30, "producer-1", 0, "z"),
            HistoryEvent.produceFail(35, "producer-1", 0, "z", "RECORD_TOO_LARGE")),
        read(100, "reader-1", 0, 0, records(0, "a", "z")));

    assertCounts(Map.of(Anomaly.FAILED_WRITE_VISIBLE, 1L, Anomaly.UNCOMMITTED_READ, 1L),
        Checker.check(history, finalReads(0, "a")));
  }
}
