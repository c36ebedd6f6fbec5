package io.rafka.tools;

import io.rafka.client.admin.MetadataQuorum;
import io.rafka.client.admin.RafkaAdmin;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code rafka-admin.sh metadata voters} leaves. Stateless holder; each command is not thread-safe. */
final class VoterCommands {
  private VoterCommands() {}

  private static AdminSubcommand.Output voters(List<Integer> voters) {
    return new AdminSubcommand.Output(Map.of("voters", voters), QuorumFormatter.voters(voters));
  }

  /** {@code metadata voters list}. */
  @Command(name = "list", sortOptions = false,
      description = "List the metadata group's voters and listeners, its leader, and when the leader last "
          + "heard from each.")
  static final class ListVoters extends AdminSubcommand {
    @Override
    Output execute(RafkaAdmin admin) {
      MetadataQuorum quorum = admin.describeMetadataQuorum().join();
      return new Output(quorum, QuorumFormatter.quorum(quorum));
    }
  }

  /** {@code metadata voters add --node N}. */
  @Command(name = "add", sortOptions = false, description = "Promote a node (a listener) to metadata voter.")
  static final class Add extends AdminSubcommand {
    @Option(names = "--node", required = true, paramLabel = "ID", description = "The node to promote.")
    int node;

    @Override
    void checkOptions() {
      checkNodeId("--node", node);
    }

    @Override
    Output execute(RafkaAdmin admin) {
      return voters(admin.addMetadataVoter(node).join());
    }
  }

  /** {@code metadata voters remove --node N}. */
  @Command(name = "remove", sortOptions = false, description = "Demote a metadata voter to listener.")
  static final class Remove extends AdminSubcommand {
    @Option(names = "--node", required = true, paramLabel = "ID", description = "The voter to demote.")
    int node;

    @Override
    void checkOptions() {
      checkNodeId("--node", node);
    }

    @Override
    Output execute(RafkaAdmin admin) {
      return voters(admin.removeMetadataVoter(node).join());
    }
  }

  /** {@code metadata voters replace --old N --new M}. */
  @Command(name = "replace", sortOptions = false,
      description = "Replace a metadata voter by another node in one configuration change.")
  static final class Replace extends AdminSubcommand {
    @Option(names = "--old", required = true, paramLabel = "ID", description = "The voter to demote.")
    int oldVoter;

    @Option(names = "--new", required = true, paramLabel = "ID", description = "The node to promote.")
    int newVoter;

    @Override
    void checkOptions() {
      checkNodeId("--old", oldVoter);
      checkNodeId("--new", newVoter);
      if (oldVoter == newVoter) {
        throw usage("--old and --new must be different nodes, both were " + oldVoter);
      }
    }

    @Override
    Output execute(RafkaAdmin admin) {
      return voters(admin.replaceMetadataVoter(oldVoter, newVoter).join());
    }
  }
}
