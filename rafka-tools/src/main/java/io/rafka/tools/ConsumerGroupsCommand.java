package io.rafka.tools;

import io.rafka.client.admin.ConsumerGroupDescription;
import io.rafka.client.admin.ConsumerGroupListing;
import io.rafka.client.admin.NodeDescription;
import io.rafka.client.admin.PartitionInfo;
import io.rafka.client.admin.RafkaAdmin;
import io.rafka.client.errors.RafkaException;
import io.rafka.common.TopicPartition;
import io.rafka.proto.ErrorCode;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Not thread-safe (picocli fills and runs it once): {@code rafka-consumer-groups.sh}, which lists consumer
 * groups, describes one, or resets its committed offsets, with the flags of Kafka's
 * {@code kafka-consumer-groups.sh}.
 */
@Command(name = "rafka-consumer-groups.sh", sortOptions = false,
    description = "List consumer groups, describe one, or reset its committed offsets.")
public final class ConsumerGroupsCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Action action;

  @Option(names = "--group", paramLabel = "GROUP",
      description = "The group to describe or reset (required with --describe and --reset-offsets).")
  String group;

  @ArgGroup(exclusive = true)
  DescribeView view;

  @Option(names = "--topic", paramLabel = "TOPIC[:P1,P2,...]", converter = TopicSelectorConverter.class,
      description = "With --reset-offsets: reset this topic's partitions, all or those listed; repeat for "
          + "several topics.")
  List<TopicSelector> topics = new ArrayList<>();

  @Option(names = "--all-topics",
      description = "With --reset-offsets: reset every partition the group has a committed offset for.")
  boolean allTopics;

  @ArgGroup(exclusive = true)
  ResetTarget target;

  @ArgGroup(exclusive = true)
  ResetMode mode;

  @Spec
  CommandSpec spec;

  /** The one thing to do; picocli enforces that exactly one is given. */
  static final class Action {
    @Option(names = "--list", required = true, description = "List the ids of all consumer groups.")
    boolean list;

    @Option(names = "--describe", required = true,
        description = "Describe a group: its offsets and lag (default), --members or --state.")
    boolean describe;

    @Option(names = "--reset-offsets", required = true,
        description = "Reset a group's committed offsets; the group must have no active members.")
    boolean resetOffsets;
  }

  /** What --describe shows; at most one. */
  static final class DescribeView {
    @Option(names = "--offsets", required = true,
        description = "With --describe: each partition's committed offset, log end, lag and owner (default).")
    boolean offsets;

    @Option(names = "--members", required = true,
        description = "With --describe: the members and the partitions assigned to each.")
    boolean members;

    @Option(names = "--state", required = true,
        description = "With --describe: the coordinator, assignor, state and member count.")
    boolean state;
  }

  /** Where --reset-offsets moves the offsets; exactly one with --reset-offsets. */
  static final class ResetTarget {
    @Option(names = "--to-earliest", required = true, description = "To the start of each log.")
    boolean toEarliest;

    @Option(names = "--to-latest", required = true, description = "To the end of each log.")
    boolean toLatest;

    @Option(names = "--to-offset", required = true, paramLabel = "OFFSET",
        description = "To this offset, kept within each log.")
    Long toOffset;

    @Option(names = "--to-datetime", required = true, paramLabel = "YYYY-MM-DDTHH:mm:SS.sss[Z|+HH:MM]",
        description = "To the first record stamped at or after this time (local time without a zone).")
    String toDatetime;

    @Option(names = "--shift-by", required = true, paramLabel = "N",
        description = "By N records from the committed offset (negative: back), kept within each log.")
    Long shiftBy;

    /** @throws IllegalArgumentException for a malformed --to-datetime */
    ResetSpec toSpec(ZoneId localZone) {
      if (toEarliest) {
        return ResetSpec.EARLIEST;
      }
      if (toLatest) {
        return ResetSpec.LATEST;
      }
      if (toOffset != null) {
        return ResetSpec.toOffset(toOffset);
      }
      if (toDatetime != null) {
        return ResetSpec.toDatetime(toDatetime, localZone);
      }
      return ResetSpec.shiftBy(shiftBy);
    }
  }

  /** Whether --reset-offsets changes anything; a dry run when neither is given, as in Kafka. */
  static final class ResetMode {
    @Option(names = "--dry-run", required = true, description = "Only show the new offsets (the default).")
    boolean dryRun;

    @Option(names = "--execute", required = true, description = "Commit the new offsets.")
    boolean execute;
  }

  public static void main(String[] args) {
    ToolLauncher.run(new ConsumerGroupsCommand(), args);
  }

  @Override
  public Integer call() {
    Optional<ResetSpec> resetSpec = checkOptions();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (RafkaAdmin admin = RafkaAdmin.create(Map.of(CommonOptions.BOOTSTRAP_SERVERS, common.bootstrapServer))) {
      if (action.list) {
        admin.listConsumerGroups().join().stream().map(ConsumerGroupListing::groupId).sorted()
            .forEach(out::println);
      } else if (action.describe) {
        describe(admin, out, err);
      } else {
        resetOffsets(admin, resetSpec.orElseThrow(), out, err);
      }
    }
    out.flush();
    return 0;
  }

  /** The flag combinations picocli cannot check itself; returns the reset spec with --reset-offsets. */
  private Optional<ResetSpec> checkOptions() {
    if (action.list && group != null) {
      throw usage("--group is not used with --list");
    }
    if (!action.list && group == null) {
      throw usage("Missing required option: '--group=GROUP'");
    }
    if (group != null && group.isEmpty()) {
      throw usage("--group must not be empty");
    }
    if (!action.describe && view != null) {
      throw usage("--offsets, --members and --state are only used with --describe");
    }
    if (!action.resetOffsets) {
      if (!topics.isEmpty() || allTopics || target != null || mode != null) {
        throw usage("--topic, --all-topics, --to-earliest, --to-latest, --to-offset, --to-datetime, --shift-by, "
            + "--dry-run and --execute are only used with --reset-offsets");
      }
      return Optional.empty();
    }
    if (allTopics && !topics.isEmpty()) {
      throw usage("--topic and --all-topics cannot be used together");
    }
    if (!allTopics && topics.isEmpty()) {
      throw usage("--reset-offsets needs --topic or --all-topics");
    }
    if (target == null) {
      throw usage("--reset-offsets needs one of --to-earliest, --to-latest, --to-offset, --to-datetime or "
          + "--shift-by");
    }
    try {
      return Optional.of(target.toSpec(ZoneId.systemDefault()));
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  /** The chosen view on standard output; Kafka's remark on an empty or rebalancing group on standard error. */
  private void describe(RafkaAdmin admin, PrintWriter out, PrintWriter err) {
    ConsumerGroupDescription description = admin.describeConsumerGroup(group).join();
    ConsumerGroupFormatter.notice(description).ifPresent(notice -> {
      err.println(notice);
      // Before the table, where it belongs, when both streams go to one terminal.
      err.flush();
    });
    List<String> lines;
    if (view != null && view.members) {
      lines = ConsumerGroupFormatter.members(description);
    } else if (view != null && view.state) {
      lines = ConsumerGroupFormatter.state(description, address(admin, description.coordinator()));
    } else {
      lines = ConsumerGroupFormatter.offsets(description);
    }
    lines.forEach(out::println);
  }

  private void resetOffsets(RafkaAdmin admin, ResetSpec resetSpec, PrintWriter out, PrintWriter err) {
    Optional<ConsumerGroupDescription> description = describeIfExists(admin);
    Map<TopicPartition, Long> committed = new HashMap<>();
    description.ifPresent(d -> d.partitions().forEach((tp, lag) -> {
      if (lag.committedOffset() >= 0) {
        committed.put(tp, lag.committedOffset());
      }
    }));
    SortedSet<TopicPartition> partitions = allTopics ? new TreeSet<>(committed.keySet()) : selected(admin);
    if (partitions.isEmpty()) {
      err.println("Consumer group '" + group + "' has no committed offsets; there is nothing to reset.");
      err.flush();
      return;
    }
    SortedMap<TopicPartition, Long> plan = OffsetResetPlanner.plan(resetSpec, partitions, committed,
        (tps, offsetSpec) -> admin.listOffsets(tps, offsetSpec).join());
    if (mode != null && mode.execute) {
      apply(admin, plan);
    } else {
      if (mode == null) {
        err.println("WARN: No action will be performed as the --execute option is missing. Add --execute to "
            + "reset the offsets, or --dry-run to only show them without this warning.");
      }
      int members = description.map(d -> d.members().size()).orElse(0);
      if (members > 0) {
        err.println("WARN: Consumer group '" + group + "' has " + members + " active member(s); --execute "
            + "will be refused until they stop.");
      }
      err.flush();
    }
    ConsumerGroupFormatter.resetPlan(group, plan).forEach(out::println);
  }

  /**
   * The group, or empty when it does not exist: offsets may be set for a group before its first consumer
   * starts, as in Kafka.
   */
  private Optional<ConsumerGroupDescription> describeIfExists(RafkaAdmin admin) {
    try {
      return Optional.of(admin.describeConsumerGroup(group).join());
    } catch (CompletionException e) {
      if (hasCode(e, ErrorCode.GROUP_ID_NOT_FOUND)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The partitions the --topic flags select; asks the cluster, so a missing topic or partition fails here. */
  private SortedSet<TopicPartition> selected(RafkaAdmin admin) {
    Map<String, List<Integer>> partitionsOf = new HashMap<>();
    SortedSet<TopicPartition> selected = new TreeSet<>();
    for (TopicSelector selector : topics) {
      List<Integer> existing = partitionsOf.computeIfAbsent(selector.topic(), topic ->
          admin.describeTopic(topic).join().partitions().stream().map(PartitionInfo::partition).toList());
      selected.addAll(selector.select(existing));
    }
    return selected;
  }

  /** Commits the plan; the coordinator refuses while the group has members, which we explain. */
  private void apply(RafkaAdmin admin, SortedMap<TopicPartition, Long> plan) {
    try {
      admin.resetConsumerGroupOffsets(group, plan).join();
    } catch (CompletionException e) {
      if (hasCode(e, ErrorCode.GROUP_NOT_EMPTY)) {
        throw new IllegalStateException("cannot reset the offsets of consumer group '" + group
            + "' while it has active members; stop its consumers and try again ("
            + ToolErrorHandler.message(ToolErrorHandler.unwrap(e)) + ")", e);
      }
      throw e;
    }
  }

  /** The node's client address, if the cluster metadata lists it. */
  private static Optional<String> address(RafkaAdmin admin, int nodeId) {
    return admin.describeCluster().join().nodes().stream().filter(n -> n.nodeId() == nodeId)
        .map(NodeDescription::clientAddress).findFirst();
  }

  private static boolean hasCode(Throwable failure, ErrorCode code) {
    return ToolErrorHandler.unwrap(failure) instanceof RafkaException e && e.code() == code;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
