package io.rafka.tools;

import io.rafka.client.admin.ReassignmentPlan;
import io.rafka.tools.TextTable.Column;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Stateless and thread-safe: renders a reassignment plan as {@code rafka-admin.sh plan add-node} and
 * {@code plan remove-node} print it: the moves, the totals, the replicas per node before and after, and
 * whether it was applied. Lines come without separators.
 */
final class PlanFormatter {
  static final String DRY_RUN = "Dry run: nothing changed; add --apply to do it.";

  private static final List<Column> NODE_COLUMNS = List.of(new Column("NODE", 0), new Column("BEFORE", 0),
      new Column("AFTER", 0));

  private PlanFormatter() {}

  /** @param change what the plan is for, e.g. "Adding node 4" */
  static List<String> plan(String change, ReassignmentPlan plan) {
    List<String> lines = new ArrayList<>();
    lines.add(change + " (metadata epoch " + plan.metadataEpoch() + "):");
    lines.add("");
    lines.addAll(AdminFormats.section("Moves", plan.moves().size(), AdminFormats.moves(plan.moves())));
    lines.add("");
    lines.add("Moved replicas: " + plan.movedReplicas());
    lines.add("Moved bytes:    " + AdminFormats.bytes(plan.movedBytes()) + " (" + plan.movedBytes() + " bytes)");
    lines.add("Leader changes: " + plan.leaderChanges());
    lines.add("");
    lines.add("Replicas per node:");
    List<List<String>> rows = new ArrayList<>();
    plan.replicasPerNode().stream().sorted(Comparator.comparingInt(ReassignmentPlan.NodeReplicaCount::nodeId))
        .forEach(c -> rows.add(List.of(Integer.toString(c.nodeId()), Integer.toString(c.before()),
            Integer.toString(c.after()))));
    lines.addAll(TextTable.render(NODE_COLUMNS, rows));
    lines.add("");
    lines.add(plan.applied() ? "Applied at metadata epoch " + plan.metadataEpoch() + "." : DRY_RUN);
    return lines;
  }
}
