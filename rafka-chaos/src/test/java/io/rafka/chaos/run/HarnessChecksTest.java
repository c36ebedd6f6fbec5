package io.rafka.chaos.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rafka.chaos.history.HistoryEvent;
import io.rafka.chaos.nemesis.Nemesis.MajorityWindow;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The harness's own checks on hand-made histories, and the command line's duration syntax. */
class HarnessChecksTest {
  private static final MajorityWindow WINDOW = new MajorityWindow("kill majority [2, 3] of chaos-1", 1, 1000, 6000);

  @Test
  void aWriteStartedAndAcknowledgedWhileTheMajorityWasDownIsASafetyBug() {
    List<HistoryEvent> history = List.of(
        HistoryEvent.produce(1500, "producer-1", 1, "a"),
        HistoryEvent.produceOk(5000, "producer-1", 1, "a", 7));
    var verdict = HarnessChecks.noAckWithoutMajority(history, List.of(WINDOW));
    assertEquals(1, verdict.problems().size(), verdict.problems().toString());
  }

  @Test
  void writesStartedBeforeTheKillOrAcknowledgedAfterTheRestartOrOnOtherPartitionsAreFine() {
    List<HistoryEvent> history = List.of(
        HistoryEvent.produce(900, "producer-1", 1, "before"),
        HistoryEvent.produceOk(1200, "producer-1", 1, "before", 7),
        HistoryEvent.produce(2000, "producer-1", 1, "after"),
        HistoryEvent.produceOk(6500, "producer-1", 1, "after", 8),
        HistoryEvent.produce(2000, "producer-2", 2, "other"),
        HistoryEvent.produceOk(2100, "producer-2", 2, "other", 3));
    assertTrue(HarnessChecks.noAckWithoutMajority(history, List.of(WINDOW)).passed());
  }

  @Test
  void durationsReadLikeAnOperatorWritesThem() throws Exception {
    ChaosMain.DurationConverter c = new ChaosMain.DurationConverter();
    assertEquals(Duration.ofMinutes(30), c.convert("30m"));
    assertEquals(Duration.ofSeconds(90), c.convert("90s"));
    assertEquals(Duration.ofHours(2), c.convert("2h"));
    assertEquals(Duration.ofMinutes(5), c.convert("PT5M"));
    assertThrows(CommandLine.TypeConversionException.class, () -> c.convert("soon"));
    assertThrows(CommandLine.TypeConversionException.class, () -> c.convert("10d"));
  }
}
