package io.rafka.chaos.run;

import io.rafka.chaos.check.CheckResult;
import io.rafka.chaos.check.FaultUnavailability;
import io.rafka.chaos.history.EventType;
import io.rafka.chaos.history.HistoryEvent;
import io.rafka.chaos.history.OperationKind;
import io.rafka.chaos.nemesis.Nemesis.MajorityWindow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that need what only the harness knows, beside the checker's: no write acknowledged while a majority
 * of its partition's replicas was down, and every leader kill healed within the bound. Stateless.
 */
final class HarnessChecks {
  /** Unavailability allowed after a leader is killed (issue: under 10 s). */
  static final long LEADER_KILL_BOUND_MS = 10_000;

  private HarnessChecks() {}

  /** One check's verdict and, when it failed, why; {@code availability} for a liveness bound, not safety. */
  record Verdict(String name, boolean availability, List<String> problems) {
    boolean passed() {
      return problems.isEmpty();
    }
  }

  /**
   * A write invoked after a majority of its partition's replicas were killed and acknowledged before any of
   * them came back was acknowledged by a minority: a safety bug.
   */
  static Verdict noAckWithoutMajority(List<HistoryEvent> history, List<MajorityWindow> windows) {
    Map<String, Long> invokedAt = new HashMap<>();
    List<String> problems = new ArrayList<>();
    for (HistoryEvent e : history) {
      if (e.f() != OperationKind.PRODUCE) {
        continue;
      }
      if (e.type() == EventType.INVOKE) {
        invokedAt.put(e.value(), e.time());
      } else if (e.type() == EventType.OK) {
        long invoked = invokedAt.getOrDefault(e.value(), -1L);
        for (MajorityWindow w : windows) {
          if (e.partition() == w.partition() && invoked >= w.start() && e.time() <= w.end()) {
            problems.add(e.value() + " acknowledged at offset " + e.offset() + " during \"" + w.fault() + "\"");
          }
        }
      }
    }
    return new Verdict("no write acknowledged without a majority (" + windows.size() + " windows)", false,
        problems);
  }

  /** Every partition took writes again within the bound after every leader kill. */
  static Verdict leaderKillsHealQuickly(CheckResult result) {
    List<String> problems = new ArrayList<>();
    int kills = 0;
    for (FaultUnavailability u : result.statistics().unavailability()) {
      if (!u.fault().fault().startsWith("kill leader")) {
        continue;
      }
      kills++;
      if (u.maxMillis() >= LEADER_KILL_BOUND_MS || !u.neverWritten().isEmpty()) {
        problems.add("\"" + u.fault().fault() + "\": max " + u.maxMillis() + " ms, never written "
            + u.neverWritten());
      }
    }
    return new Verdict("writes resume within " + LEADER_KILL_BOUND_MS / 1000 + " s of each leader kill (" + kills
        + " kills)", true, problems);
  }
}
