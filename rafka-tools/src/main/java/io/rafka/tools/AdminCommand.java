package io.rafka.tools;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Not thread-safe (picocli fills and runs it once): {@code rafka-admin.sh}, which shows and changes the
 * cluster's membership: nodes, partition replicas and leaders, the metadata quorum, and plans for adding or
 * removing a node. Each area is a subcommand with subcommands of its own; the leaves do the work.
 *
 * <p>None of these commands implements Runnable or Callable, so picocli itself refuses a command line that
 * stops short of a leaf ("Missing required subcommand", exit 2).
 */
@Command(name = "rafka-admin.sh",
    subcommands = {AdminCommand.Cluster.class, AdminCommand.Nodes.class, AdminCommand.Partitions.class,
        AdminCommand.Metadata.class, AdminCommand.Plan.class},
    description = "Show and change the cluster's membership: nodes, partition replicas and leaders, the "
        + "metadata quorum.")
public final class AdminCommand {
  // Picocli needs a field to put --help in; the leaves take the usual options through AdminSubcommand.
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  /** The cluster as a whole. */
  @Command(name = "cluster", subcommands = ClusterCommands.Status.class,
      description = "The cluster as a whole.")
  static final class Cluster {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
  }

  /** Nodes: list, decommission, remove. */
  @Command(name = "nodes",
      subcommands = {NodeCommands.ListNodes.class, NodeCommands.Decommission.class, NodeCommands.Remove.class},
      description = "List, decommission or remove nodes.")
  static final class Nodes {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
  }

  /** One partition's Raft group: describe it, change its replicas or leader, elect preferred leaders. */
  @Command(name = "partitions",
      subcommands = {PartitionCommands.Describe.class, PartitionCommands.TransferLeader.class,
          PartitionCommands.AddReplica.class, PartitionCommands.RemoveReplica.class,
          PartitionCommands.ElectPreferred.class},
      description = "Describe a partition's Raft group, change its replicas or leader, or elect preferred "
          + "leaders.")
  static final class Partitions {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
  }

  /** The metadata group. */
  @Command(name = "metadata", subcommands = Voters.class, description = "The metadata group's quorum.")
  static final class Metadata {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
  }

  /** The metadata group's voters: list, add, remove, replace. */
  @Command(name = "voters",
      subcommands = {VoterCommands.ListVoters.class, VoterCommands.Add.class, VoterCommands.Remove.class,
          VoterCommands.Replace.class},
      description = "List, add, remove or replace the metadata group's voters.")
  static final class Voters {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
  }

  /** What adding or removing a node would move, and doing it. */
  @Command(name = "plan", subcommands = {PlanCommands.AddNode.class, PlanCommands.RemoveNode.class},
      description = "Show what adding or removing a node would move; --apply does it.")
  static final class Plan {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
  }

  /** The command line, ready to execute, with one-line usage errors; tests use it without exiting the JVM. */
  static CommandLine commandLine() {
    return ToolLauncher.commandLine(new AdminCommand()).setParameterExceptionHandler(new UsageErrorHandler());
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
