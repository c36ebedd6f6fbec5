package io.rafka.chaos.check;

import static io.rafka.chaos.check.Histories.assertCounts;
import static io.rafka.chaos.check.Histories.commit;
import static io.rafka.chaos.check.Histories.finalReads;
import static io.rafka.chaos.check.Histories.groupRead;
import static io.rafka.chaos.check.Histories.history;
import static io.rafka.chaos.check.Histories.read;
import static io.rafka.chaos.check.Histories.records;
import static io.rafka.chaos.check.Histories.writes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rafka.chaos.history.HistoryEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Anomalies of consumer groups: committed offsets going back, records no member read. */
class GroupAnomaliesTest {
  private static final List<HistoryEvent> V0_TO_V5 =
      writes(0, "producer-1", 0, 0, "v0", "v1", "v2", "v3", "v4", "v5");

  @Test
  void aCommitInvokedAfterAHigherOneWasAcknowledgedRegresses() {
    List<HistoryEvent> history = history(V0_TO_V5,
        groupRead(100, "g", "member-1", 0, 0, records(0, "v0", "v1", "v2")),
        commit(200, "g", "member-1", 0, 3),
        List.of(HistoryEvent.commit(202, "member-3", "g", "member-3", 0, 2)),
        commit(210, "g", "member-2", 0, 1),
        List.of(HistoryEvent.commitOk(220, "member-3", "g", "member-3", 0, 2)),
        commit(230, "other-group", "member-9", 0, 0),
        List.of(HistoryEvent.commit(240, "member-4", "g", "member-4", 0, 0),
            HistoryEvent.commitFail(245, "member-4", "g", "member-4", 0, 0, "UNKNOWN_MEMBER")));

    CheckResult result = Checker.check(history, finalReads(0, "v0", "v1", "v2", "v3", "v4", "v5"));

    // member-3's commit of 2 was invoked before member-1's commit of 3 was acknowledged: concurrent, allowed.
    // member-4's commit of 0 failed, so it stored nothing; other-group's offsets are its own.
    assertCounts(Map.of(Anomaly.COMMIT_REGRESSION, 1L), result);
    assertEquals("group g partition 0: member-2 [210..215] committed 1 after member-1 [200..205] had committed 3",
        result.examples(Anomaly.COMMIT_REGRESSION).get(0));
  }

  @Test
  void offsetsBelowTheCommitThatNoMemberReadAreSkipped() {
    // The partition moves from member-1 to member-2, which seeks past offset 1 and later past 3 and 4. A plain
    // reader reading everything does not help the group.
    List<HistoryEvent> history = history(V0_TO_V5,
        read(50, "reader-1", 0, 0, records(0, "v0", "v1", "v2", "v3", "v4", "v5")),
        groupRead(100, "g", "member-1", 0, 0, records(0, "v0")),
        commit(110, "g", "member-1", 0, 1),
        groupRead(200, "g", "member-2", 0, 2, records(2, "v2")),
        groupRead(210, "g", "member-2", 0, 5, records(5, "v5")),
        commit(220, "g", "member-2", 0, 6));

    CheckResult result = Checker.check(history, finalReads(0, "v0", "v1", "v2", "v3", "v4", "v5"));

    assertCounts(Map.of(Anomaly.GROUP_SKIP, 3L), result);
    assertEquals(List.of(
        "group g partition 0: offset 1 read by no member, though it committed 6",
        "group g partition 0: offsets 3..4 read by no member, though it committed 6"),
        result.examples(Anomaly.GROUP_SKIP));
  }

  @Test
  void aGroupNeedNotHaveReadPastItsCommittedOffset() {
    List<HistoryEvent> history = history(V0_TO_V5,
        groupRead(100, "g", "member-1", 0, 0, records(0, "v0", "v1")),
        commit(110, "g", "member-1", 0, 2));

    assertCounts(Map.of(), Checker.check(history, finalReads(0, "v0", "v1", "v2", "v3", "v4", "v5")));
  }

  @Test
  void theLastOffsetBelowTheCommitMustBeRead() {
    List<HistoryEvent> history = history(V0_TO_V5,
        groupRead(100, "g", "member-1", 0, 0, records(0, "v0", "v1")),
        commit(110, "g", "member-1", 0, 3));

    CheckResult result = Checker.check(history, finalReads(0, "v0", "v1", "v2", "v3", "v4", "v5"));

    assertCounts(Map.of(Anomaly.GROUP_SKIP, 1L), result);
    assertEquals(List.of("group g partition 0: offset 2 read by no member, though it committed 3"),
        result.examples(Anomaly.GROUP_SKIP));
  }

  @Test
  void aGroupThatCommittedWithoutReadingSkippedEverything() {
    List<HistoryEvent> history = history(V0_TO_V5, commit(100, "g", "member-1", 0, 4));

    CheckResult result = Checker.check(history, finalReads(0, "v0", "v1", "v2", "v3", "v4", "v5"));

    assertCounts(Map.of(Anomaly.GROUP_SKIP, 4L), result);
    assertEquals(List.of("group g partition 0: offsets 0..3 read by no member, though it committed 4"),
        result.examples(Anomaly.GROUP_SKIP));
  }
}
