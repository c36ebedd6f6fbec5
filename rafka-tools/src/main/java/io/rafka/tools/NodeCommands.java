package io.rafka.tools;

import io.rafka.client.admin.ClusterStatus;
import io.rafka.client.admin.MembershipChange;
import io.rafka.client.admin.RafkaAdmin;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code rafka-admin.sh nodes} leaves. Stateless holder; each command is not thread-safe. */
final class NodeCommands {
  private NodeCommands() {}

  /** {@code nodes list}: the node table. */
  @Command(name = "list", sortOptions = false,
      description = "List the nodes with their state, liveness and load.")
  static final class ListNodes extends AdminSubcommand {
    @Override
    Output execute(RafkaAdmin admin) {
      ClusterStatus status = admin.describeClusterStatus().join();
      return new Output(Map.of("nodes", status.nodes()),
          ClusterStatusFormatter.nodeTable(status.nodes(), clock.millis()));
    }
  }

  /** {@code nodes decommission --node N}. */
  @Command(name = "decommission", sortOptions = false,
      description = "Drain a node: it leaves the ring, its replicas move to other nodes (each new replica "
          + "catches up before the old one goes), and it is removed once it holds none.")
  static final class Decommission extends AdminSubcommand {
    @Option(names = "--node", required = true, paramLabel = "ID", description = "The node to drain.")
    int node;

    @Override
    void checkOptions() {
      checkNodeId("--node", node);
    }

    @Override
    Output execute(RafkaAdmin admin) {
      MembershipChange change = admin.decommissionNode(node).join();
      return new Output(change, ClusterStatusFormatter.decommissioned(node, change));
    }
  }

  /** {@code nodes remove --node N [--force]}. */
  @Command(name = "remove", sortOptions = false,
      description = "Remove a node that holds no replicas; with --force, a dead node that still holds some, "
          + "which are re-placed from the surviving replicas.")
  static final class Remove extends AdminSubcommand {
    @Option(names = "--node", required = true, paramLabel = "ID", description = "The node to remove.")
    int node;

    @Option(names = "--force",
        description = "Remove a dead node even though it holds replicas (refused for a live node).")
    boolean force;

    @Override
    void checkOptions() {
      checkNodeId("--node", node);
    }

    @Override
    Output execute(RafkaAdmin admin) {
      MembershipChange change = admin.removeNode(node, force).join();
      return new Output(change, ClusterStatusFormatter.removed(node, change));
    }
  }
}
