package io.rafka.chaos.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link Anomaly#COMMIT_REGRESSION}: a group's committed offset of a partition only moves forward in real
 * time, so a commit invoked after another was acknowledged stores an offset at least as high. Counts one per
 * successful commit that went back.
 */
final class CommitOrderCheck implements AnomalyCheck {
  @Override
  public void check(HistoryIndex history, AnomalyLog log) {
    Map<String, List<Operation>> committed = new TreeMap<>();
    for (Operation commit : history.commits()) {
      if (commit.isOk()) {
        committed.computeIfAbsent("group " + commit.group() + " partition " + commit.partition(),
            k -> new ArrayList<>()).add(commit);
      }
    }
    committed.forEach((groupPartition, commits) -> RealTimeOrder.violations(commits, (earlier, later) ->
        log.add(Anomaly.COMMIT_REGRESSION, groupPartition + ": " + later.describe() + " committed "
            + later.offset() + " after " + earlier.describe() + " had committed " + earlier.offset())));
  }
}
