package io.rafka.tools;

import io.rafka.client.admin.NewTopic;
import io.rafka.client.admin.RafkaAdmin;
import io.rafka.client.admin.TopicDescription;
import io.rafka.client.errors.UnknownTopicOrPartitionException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rafka-topics.sh}: creates, lists, describes and deletes topics, with the flags of Kafka's
 * {@code kafka-topics.sh}. Not thread-safe; picocli fills and runs it once.
 */
@Command(name = "rafka-topics.sh", sortOptions = false,
    description = "Create, list, describe or delete topics.")
public final class TopicsCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Action action;

  @Option(names = "--topic", paramLabel = "TOPIC",
      description = "The topic (required with --create and --delete; --describe describes all without it).")
  String topic;

  @Option(names = "--partitions", paramLabel = "N",
      description = "With --create: the number of partitions (default: the cluster's).")
  Integer partitions;

  @Option(names = "--replication-factor", paramLabel = "N",
      description = "With --create: the number of replicas of each partition (default: the cluster's).")
  Integer replicationFactor;

  @Option(names = "--config", paramLabel = "KEY=VALUE", converter = KeyValueConverter.class,
      description = "With --create: a topic setting; repeat for several.")
  List<KeyValue> configs = new ArrayList<>();

  @Spec
  CommandSpec spec;

  /** The one thing to do; picocli enforces that exactly one is given. */
  static final class Action {
    @Option(names = "--create", required = true, description = "Create a topic.")
    boolean create;

    @Option(names = "--list", required = true, description = "List the names of all topics.")
    boolean list;

    @Option(names = "--describe", required = true,
        description = "Describe a topic, or all topics: partitions, leaders, replicas, offsets.")
    boolean describe;

    @Option(names = "--delete", required = true, description = "Delete a topic.")
    boolean delete;
  }

  public static void main(String[] args) {
    ToolLauncher.run(new TopicsCommand(), args);
  }

  @Override
  public Integer call() {
    checkOptions();
    PrintWriter out = spec.commandLine().getOut();
    try (RafkaAdmin admin = RafkaAdmin.create(Map.of(CommonOptions.BOOTSTRAP_SERVERS, common.bootstrapServer))) {
      if (action.create) {
        admin.createTopic(new NewTopic(topic, orDefault(partitions), orDefault(replicationFactor),
            KeyValue.toMap(configs))).join();
        out.println("Created topic " + topic + ".");
      } else if (action.delete) {
        admin.deleteTopic(topic).join();
        out.println("Deleted topic " + topic + ".");
      } else if (action.list) {
        admin.listTopics().join().stream().sorted().forEach(out::println);
      } else {
        describe(admin).forEach(t -> TopicDescriptionFormatter.format(t).forEach(out::println));
      }
    }
    out.flush();
    return 0;
  }

  private void checkOptions() {
    if ((action.create || action.delete) && topic == null) {
      throw usage("Missing required option: '--topic=TOPIC'");
    }
    if (action.list && topic != null) {
      throw usage("--topic is not used with --list");
    }
    if (!action.create && (partitions != null || replicationFactor != null || !configs.isEmpty())) {
      throw usage("--partitions, --replication-factor and --config are only used with --create");
    }
    if (partitions != null && partitions < 1) {
      throw usage("--partitions must be at least 1, was " + partitions);
    }
    if (replicationFactor != null && replicationFactor < 1) {
      throw usage("--replication-factor must be at least 1, was " + replicationFactor);
    }
  }

  /** The named topic, or every topic by name; one that is deleted while we look is left out. */
  private List<TopicDescription> describe(RafkaAdmin admin) {
    if (topic != null) {
      return List.of(admin.describeTopic(topic).join());
    }
    List<CompletableFuture<TopicDescription>> pending = admin.listTopics().join().stream().sorted()
        .map(admin::describeTopic).toList();
    List<TopicDescription> topics = new ArrayList<>();
    for (CompletableFuture<TopicDescription> f : pending) {
      try {
        topics.add(f.join());
      } catch (CompletionException e) {
        if (!(ToolErrorHandler.unwrap(e) instanceof UnknownTopicOrPartitionException)) {
          throw e;
        }
      }
    }
    return topics;
  }

  /** {@link NewTopic} reads 0 as "the cluster's default". */
  /** Unset flags take the cluster's default. */
  private static OptionalInt orDefault(Integer value) {
    return value == null ? OptionalInt.empty() : OptionalInt.of(value);
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
