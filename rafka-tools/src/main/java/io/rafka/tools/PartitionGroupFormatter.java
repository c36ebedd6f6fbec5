package io.rafka.tools;

import static io.rafka.tools.AdminFormats.MISSING;
import static io.rafka.tools.AdminFormats.known;
import static io.rafka.tools.AdminFormats.node;
import static io.rafka.tools.AdminFormats.nodes;

import io.rafka.client.admin.ElectionResult;
import io.rafka.client.admin.PartitionGroupDescription;
import io.rafka.client.admin.PartitionReplicas;
import io.rafka.common.TopicPartition;
import io.rafka.tools.TextTable.Column;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Stateless and thread-safe: renders what the {@code rafka-admin.sh partitions} commands print: a
 * partition's Raft group, a replica change's outcome, and preferred leader elections. Lines come without
 * separators; "-" stands for a value that is not known or does not apply.
 */
final class PartitionGroupFormatter {
  private static final List<Column> REPLICA_COLUMNS = List.of(new Column("NODE", 0), new Column("ROLE", 11),
      new Column("PRIORITY", 0), new Column("TERM", 4), new Column("COMMIT", 6), new Column("APPLIED", 0),
      new Column("LAST", 6), new Column("SNAPSHOT", 0), new Column("LAG", 3), new Column("ERROR", 0));
  private static final List<Column> ELECTION_COLUMNS = List.of(new Column("TOPIC", 15),
      new Column("PARTITION", 0), new Column("PREFERRED", 0), new Column("LEADER", 0), new Column("RESULT", 0));

  private PartitionGroupFormatter() {}

  /** The group's summary lines, then one row per replica by node id. */
  static List<String> describe(PartitionGroupDescription group) {
    List<String> lines = new ArrayList<>();
    lines.add("Partition:     " + group.topicPartition());
    lines.add("Raft group:    " + group.groupId());
    lines.add("Leader:        " + node(group.leader()) + " (term " + group.term() + ")");
    lines.add("Replicas:      " + nodes(group.replicas()) + (group.override() ? " (operator override)" : ""));
    lines.add("Target:        " + (group.moving() ? nodes(group.targetReplicas()) + " (moving)" : "none"));
    lines.add("Configuration: " + (group.configurationStable() ? "stable" : "joint (changing)") + ", voters "
        + nodes(group.configurationVoters()));
    lines.add("");
    List<List<String>> rows = new ArrayList<>();
    group.replicaStatuses().stream().sorted(Comparator.comparingInt(PartitionGroupDescription.ReplicaStatus::nodeId))
        .forEach(r -> rows.add(List.of(Integer.toString(r.nodeId()), r.role().isEmpty() ? MISSING : r.role(),
            known(r.priority()), Long.toString(r.term()), Long.toString(r.commitIndex()),
            Long.toString(r.appliedIndex()), Long.toString(r.lastIndex()), Long.toString(r.snapshotIndex()),
            known(r.lag()), r.error().isEmpty() ? MISSING : r.error())));
    lines.addAll(TextTable.render(REPLICA_COLUMNS, rows));
    return lines;
  }

  /** One line: the partition's replicas and leader after a change. */
  static List<String> replicas(TopicPartition partition, PartitionReplicas replicas) {
    return List.of(partition + ": replicas " + nodes(replicas.replicas()) + ", leader " + node(replicas.leader()));
  }

  /** The elections' table, or a line saying there was nothing to elect. */
  static List<String> elections(List<ElectionResult> results) {
    if (results.isEmpty()) {
      return List.of("Every partition asked about is led by its preferred replica; nothing to elect.");
    }
    List<List<String>> rows = new ArrayList<>();
    results.stream().sorted(Comparator.comparing(ElectionResult::topicPartition)).forEach(r -> rows.add(List.of(
        r.topic(), Integer.toString(r.partition()), node(r.preferred()), node(r.leader()),
        r.succeeded() ? "ok" : ToolErrorHandler.message(r.error()))));
    return TextTable.render(ELECTION_COLUMNS, rows);
  }

  /** The one-line failure when some elections failed, naming the first; null when none did. */
  static String electionFailure(List<ElectionResult> results) {
    List<ElectionResult> failed = results.stream().filter(r -> !r.succeeded())
        .sorted(Comparator.comparing(ElectionResult::topicPartition)).toList();
    if (failed.isEmpty()) {
      return null;
    }
    ElectionResult first = failed.get(0);
    return failed.size() + " of " + results.size() + " preferred leader elections failed; " + first.topicPartition()
        + ": " + ToolErrorHandler.message(first.error());
  }
}
