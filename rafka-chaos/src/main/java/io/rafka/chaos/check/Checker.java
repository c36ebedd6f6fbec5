package io.rafka.chaos.check;

import io.rafka.chaos.history.FinalReads;
import io.rafka.chaos.history.HistoryEvent;
import java.util.List;

/**
 * Judges a chaos run from its history and final reads, Jepsen-style: a pure function of them (no I/O, no
 * clock), so that a recorded run can be checked again, and a checker change tested on hand-made histories.
 * Stateless and thread-safe.
 *
 * <p>The history's invokes and completions are paired first: a completion with no matching invoke is a harness
 * bug and throws {@link IllegalArgumentException}. Writes that ended {@code info}, or not at all, may or may
 * not be in the log; writes that ended {@code fail} must not be.
 */
public final class Checker {
  /** One check per {@link Anomaly}, in its order. */
  private static final List<AnomalyCheck> CHECKS = List.of(
      new LostWriteCheck(),
      new DuplicateCheck(),
      new ConflictCheck(),
      new PhantomCheck(),
      new ReplicaDivergenceCheck(),
      new OrderCheck(),
      new ReadSessionCheck(),
      new AckOrderCheck(),
      new UncommittedReadCheck(),
      new CommitOrderCheck(),
      new GroupCoverageCheck(),
      new FailedWriteCheck(),
      new HealedWritesCheck());

  private Checker() {}

  /** Checks a run, describing it in the summary by what the history and final reads show. */
  public static CheckResult check(List<HistoryEvent> history, FinalReads finalReads) {
    HistoryIndex index = new HistoryIndex(history, finalReads);
    return check(index, RunInfo.observed(index));
  }

  /** Checks a run, describing it in the summary by {@code run}. */
  public static CheckResult check(List<HistoryEvent> history, FinalReads finalReads, RunInfo run) {
    return check(new HistoryIndex(history, finalReads), run);
  }

  private static CheckResult check(HistoryIndex index, RunInfo run) {
    AnomalyLog anomalies = new AnomalyLog();
    for (AnomalyCheck check : CHECKS) {
      check.check(index, anomalies);
    }
    return new CheckResult(run, anomalies, Statistics.of(index));
  }
}
