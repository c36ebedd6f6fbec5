package io.rafka.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rafka.client.admin.PartitionMove;
import io.rafka.client.admin.ReassignmentPlan;
import io.rafka.client.admin.ReassignmentPlan.NodeReplicaCount;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanFormatterTest {
  private static ReassignmentPlan plan(boolean applied) {
    return new ReassignmentPlan(List.of(
        new PartitionMove("orders", 1, List.of(1, 2), List.of(4, 2), 3_221_225_472L, false),
        new PartitionMove("orders", 2, List.of(2, 3), List.of(3, 2), -1, false)), 1, 3_221_225_472L, 2,
        List.of(new NodeReplicaCount(4, 0, 1), new NodeReplicaCount(1, 2, 1)), applied, 77);
  }

  @Test
  void aDryRunShowsMovesTotalsAndNodesAndSaysNothingChanged() {
    assertEquals(List.of(
        "Adding node 4 (metadata epoch 77):",
        "",
        "Moves (2):",
        "TOPIC           PARTITION FROM     TO       SIZE",
        "orders          1         1,2      4,2      3.0 GiB",
        "orders          2         2,3      3,2      ?",
        "",
        "Moved replicas: 1",
        "Moved bytes:    3.0 GiB (3221225472 bytes)",
        "Leader changes: 2",
        "",
        "Replicas per node:",
        "NODE BEFORE AFTER",
        "1    2      1",
        "4    0      1",
        "",
        "Dry run: nothing changed; add --apply to do it."),
        PlanFormatter.plan("Adding node 4", plan(false)));
  }

  @Test
  void anAppliedPlanNamesItsEpoch() {
    List<String> lines = PlanFormatter.plan("Removing node 2", plan(true));
    assertEquals("Removing node 2 (metadata epoch 77):", lines.get(0));
    assertEquals("Applied at metadata epoch 77.", lines.get(lines.size() - 1));
  }

  @Test
  void aPlanThatMovesNothingSaysNone() {
    ReassignmentPlan empty = new ReassignmentPlan(List.of(), 0, 0, 0, List.of(), false, 5);
    List<String> lines = PlanFormatter.plan("Adding node 4", empty);
    assertEquals("Moves: none", lines.get(2));
    assertEquals("Moved bytes:    0 B (0 bytes)", lines.get(5));
  }
}
