package io.rafka.tools;

import io.rafka.client.admin.ClusterStatus;
import io.rafka.client.admin.RafkaAdmin;
import picocli.CommandLine.Command;

/** The {@code rafka-admin.sh cluster} leaves. Stateless holder; each command is not thread-safe. */
final class ClusterCommands {
  private ClusterCommands() {}

  /** {@code cluster status}: nodes, epochs, and the partitions that need attention. */
  @Command(name = "status", sortOptions = false,
      description = "Summarize the cluster: epochs, nodes with their state and load, under-replicated and "
          + "leaderless partitions, moves in progress.")
  static final class Status extends AdminSubcommand {
    @Override
    Output execute(RafkaAdmin admin) {
      ClusterStatus status = admin.describeClusterStatus().join();
      return new Output(status, ClusterStatusFormatter.status(status, clock.millis()));
    }
  }
}
