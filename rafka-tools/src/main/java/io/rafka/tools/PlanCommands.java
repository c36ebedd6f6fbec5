package io.rafka.tools;

import io.rafka.client.admin.RafkaAdmin;
import io.rafka.client.admin.ReassignmentPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code rafka-admin.sh plan} leaves. Stateless holder; each command is not thread-safe. */
final class PlanCommands {
  private PlanCommands() {}

  /** A plan for one node; a dry run unless --apply. */
  abstract static class NodePlan extends AdminSubcommand {
    @Option(names = "--node", required = true, paramLabel = "ID", description = "The node.")
    int node;

    @Option(names = "--apply", description = "Make the change (default: only show it).")
    boolean apply;

    @Override
    void checkOptions() {
      checkNodeId("--node", node);
    }
  }

  /** {@code plan add-node --node N [--apply]}. */
  @Command(name = "add-node", sortOptions = false,
      description = "Show which partitions adding a registered node to the ring would move; --apply adds it.")
  static final class AddNode extends NodePlan {
    @Override
    Output execute(RafkaAdmin admin) {
      ReassignmentPlan plan = admin.planAddNode(node, apply).join();
      return new Output(plan, PlanFormatter.plan("Adding node " + node, plan));
    }
  }

  /** {@code plan remove-node --node N [--apply]}. */
  @Command(name = "remove-node", sortOptions = false,
      description = "Show which partitions taking a node out of the ring would move; --apply decommissions it.")
  static final class RemoveNode extends NodePlan {
    @Override
    Output execute(RafkaAdmin admin) {
      ReassignmentPlan plan = admin.planRemoveNode(node, apply).join();
      return new Output(plan, PlanFormatter.plan("Removing node " + node, plan));
    }
  }
}
