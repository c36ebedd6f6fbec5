package io.rafka.tools;

import io.rafka.client.admin.ElectionResult;
import io.rafka.client.admin.PartitionGroupDescription;
import io.rafka.client.admin.PartitionReplicas;
import io.rafka.client.admin.RafkaAdmin;
import io.rafka.common.TopicPartition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code rafka-admin.sh partitions} leaves. Stateless holder; each command is not thread-safe. */
final class PartitionCommands {
  private PartitionCommands() {}

  /** A command about one partition: --topic and --partition, both required. */
  abstract static class OnePartition extends AdminSubcommand {
    @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "The topic.")
    String topic;

    @Option(names = "--partition", required = true, paramLabel = "P", description = "The partition index.")
    int partition;

    @Override
    void checkOptions() {
      if (topic.isEmpty()) {
        throw usage("--topic must not be empty");
      }
      if (partition < 0) {
        throw usage("--partition must be at least 0, was " + partition);
      }
    }

    TopicPartition topicPartition() {
      return new TopicPartition(topic, partition);
    }

    /** A replica change's output: the partition, its replicas and leader. */
    Output replicas(PartitionReplicas replicas) {
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("topic", topic);
      model.put("partition", partition);
      model.put("replicas", replicas.replicas());
      model.put("leader", replicas.leader());
      return new Output(model, PartitionGroupFormatter.replicas(topicPartition(), replicas));
    }
  }

  /** {@code partitions describe}. */
  @Command(name = "describe", sortOptions = false,
      description = "Describe a partition's Raft group: replicas, target, configuration, leader and term, and "
          + "each replica's indexes and lag.")
  static final class Describe extends OnePartition {
    @Override
    Output execute(RafkaAdmin admin) {
      PartitionGroupDescription group = admin.describePartitionGroup(topicPartition()).join();
      return new Output(group, PartitionGroupFormatter.describe(group));
    }
  }

  /** {@code partitions transfer-leader --to N}. */
  @Command(name = "transfer-leader", sortOptions = false,
      description = "Make a replica the partition's preferred leader and move leadership to it.")
  static final class TransferLeader extends OnePartition {
    @Option(names = "--to", required = true, paramLabel = "ID", description = "The node to lead.")
    int to;

    @Override
    void checkOptions() {
      super.checkOptions();
      checkNodeId("--to", to);
    }

    @Override
    Output execute(RafkaAdmin admin) {
      return replicas(admin.transferLeader(topicPartition(), to).join());
    }
  }

  /** {@code partitions add-replica --node N}. */
  @Command(name = "add-replica", sortOptions = false,
      description = "Add a replica of the partition on a node (last in leader preference); waits until it "
          + "has caught up and joined.")
  static final class AddReplica extends OnePartition {
    @Option(names = "--node", required = true, paramLabel = "ID", description = "The node to add.")
    int node;

    @Override
    void checkOptions() {
      super.checkOptions();
      checkNodeId("--node", node);
    }

    @Override
    Output execute(RafkaAdmin admin) {
      return replicas(admin.addReplica(topicPartition(), node).join());
    }
  }

  /** {@code partitions remove-replica --node N}. */
  @Command(name = "remove-replica", sortOptions = false,
      description = "Remove a node's replica of the partition.")
  static final class RemoveReplica extends OnePartition {
    @Option(names = "--node", required = true, paramLabel = "ID", description = "The node whose replica goes.")
    int node;

    @Override
    void checkOptions() {
      super.checkOptions();
      checkNodeId("--node", node);
    }

    @Override
    Output execute(RafkaAdmin admin) {
      return replicas(admin.removeReplica(topicPartition(), node).join());
    }
  }

  /** {@code partitions elect-preferred [--topic T [--partition P]]}. */
  @Command(name = "elect-preferred", sortOptions = false,
      description = "Move leadership to the preferred replica: of every partition, of a topic's partitions "
          + "(--topic), or of one partition (--topic and --partition).")
  static final class ElectPreferred extends AdminSubcommand {
    @Option(names = "--topic", paramLabel = "TOPIC", description = "Only this topic's partitions.")
    String topic;

    @Option(names = "--partition", paramLabel = "P", description = "With --topic: only this partition.")
    Integer partition;

    @Override
    void checkOptions() {
      if (partition != null && topic == null) {
        throw usage("--partition needs --topic");
      }
      if (topic != null && topic.isEmpty()) {
        throw usage("--topic must not be empty");
      }
      if (partition != null && partition < 0) {
        throw usage("--partition must be at least 0, was " + partition);
      }
    }

    @Override
    Output execute(RafkaAdmin admin) {
      List<ElectionResult> results = admin.electPreferredLeaders(partitions(admin)).join();
      return new Output(Map.of("results", results), PartitionGroupFormatter.elections(results),
          PartitionGroupFormatter.electionFailure(results));
    }

    /** The partitions asked about; empty for all of them. */
    private List<TopicPartition> partitions(RafkaAdmin admin) {
      if (topic == null) {
        return List.of();
      }
      if (partition != null) {
        return List.of(new TopicPartition(topic, partition));
      }
      return admin.describeTopic(topic).join().partitions().stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
    }
  }
}
