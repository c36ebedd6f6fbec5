package io.rafka.tools;

import static io.rafka.tools.AdminFormats.node;
import static io.rafka.tools.AdminFormats.nodes;
import static io.rafka.tools.AdminFormats.yesNo;

import io.rafka.client.admin.ClusterStatus;
import io.rafka.client.admin.MembershipChange;
import io.rafka.client.admin.NodeStatus;
import io.rafka.client.admin.PartitionIssue;
import io.rafka.tools.TextTable.Column;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Stateless and thread-safe: renders what {@code rafka-admin.sh cluster status}, {@code nodes list},
 * {@code nodes decommission} and {@code nodes remove} print. Lines come without separators; "-" stands for a
 * value that is not known or does not apply.
 */
final class ClusterStatusFormatter {
  private static final List<Column> NODE_COLUMNS = List.of(new Column("ID", 3), new Column("ADDRESS", 15),
      new Column("STATE", 8), new Column("LIVENESS", 9), new Column("VOTER", 0), new Column("REPLICAS", 0),
      new Column("LEADERS", 0), new Column("PREFERRED", 0), new Column("IN", 3), new Column("OUT", 0));
  private static final List<Column> ISSUE_COLUMNS = List.of(new Column("TOPIC", 15), new Column("PARTITION", 0),
      new Column("LEADER", 0), new Column("REPLICAS", 8), new Column("REASON", 0));

  private ClusterStatusFormatter() {}

  /**
   * The summary: a header line, the node table, then the under-replicated partitions, the partitions without a
   * leader and the moves in progress, each "none" when there are none.
   *
   * @param nowMs the time that how long a node has been down is counted to
   */
  static List<String> status(ClusterStatus status, long nowMs) {
    List<String> lines = new ArrayList<>();
    lines.add("Metadata epoch: " + status.metadataEpoch()
        + "  Ring epoch: " + status.ringEpoch()
        + "  Metadata leader: " + node(status.metadataLeader())
        + "  Partitions: " + status.partitionCount()
        + "  Dead after: " + AdminFormats.duration(status.deadTimeoutMs()));
    lines.add("");
    lines.addAll(nodeTable(status.nodes(), nowMs));
    lines.add("");
    lines.addAll(AdminFormats.section("Under-replicated partitions", status.underReplicated().size(),
        issues(status.underReplicated())));
    lines.add("");
    lines.addAll(AdminFormats.section("Partitions without a leader", status.leaderless().size(),
        issues(status.leaderless())));
    lines.add("");
    lines.addAll(AdminFormats.section("Moves in progress", status.moves().size(),
        AdminFormats.moves(status.moves())));
    return lines;
  }

  /** The node table, by node id. */
  static List<String> nodeTable(List<NodeStatus> nodes, long nowMs) {
    List<List<String>> rows = new ArrayList<>();
    nodes.stream().sorted(Comparator.comparingInt(NodeStatus::nodeId)).forEach(n -> rows.add(List.of(
        Integer.toString(n.nodeId()), n.clientAddress().isEmpty() ? AdminFormats.MISSING : n.clientAddress(),
        n.state().name(), liveness(n, nowMs), yesNo(n.metadataVoter()), Integer.toString(n.replicas()),
        Integer.toString(n.leaders()), Integer.toString(n.preferredLeaders()), Integer.toString(n.incomingMoves()),
        Integer.toString(n.outgoingMoves()))));
    return TextTable.render(NODE_COLUMNS, rows);
  }

  /** "alive", or "down 12s" / "dead 75s" counting from when it stopped answering, or "unknown". */
  static String liveness(NodeStatus node, long nowMs) {
    String name = node.liveness().name().toLowerCase(Locale.ROOT);
    switch (node.liveness()) {
      case DOWN:
      case DEAD:
        return node.downSinceMs() > 0 ? name + " " + AdminFormats.duration(nowMs - node.downSinceMs()) : name;
      default:
        return name;
    }
  }

  private static List<String> issues(List<PartitionIssue> issues) {
    List<List<String>> rows = new ArrayList<>();
    issues.forEach(i -> rows.add(List.of(i.topic(), Integer.toString(i.partition()), node(i.leader()),
        nodes(i.replicas()), i.reason().isEmpty() ? AdminFormats.MISSING : i.reason())));
    return TextTable.render(ISSUE_COLUMNS, rows);
  }

  /** What {@code nodes decommission} started. */
  static List<String> decommissioned(int nodeId, MembershipChange change) {
    List<String> lines = new ArrayList<>();
    if (change.moves().isEmpty()) {
      lines.add("Node " + nodeId + " is leaving (metadata epoch " + change.metadataEpoch()
          + "); it holds no replicas to move.");
    } else {
      lines.add("Node " + nodeId + " is leaving (metadata epoch " + change.metadataEpoch() + "); "
          + moves(change.moves().size()) + " started:");
      lines.addAll(AdminFormats.moves(change.moves()));
    }
    return lines;
  }

  /** What {@code nodes remove} did. */
  static List<String> removed(int nodeId, MembershipChange change) {
    List<String> lines = new ArrayList<>();
    lines.add("Removed node " + nodeId + " (metadata epoch " + change.metadataEpoch() + ").");
    if (!change.moves().isEmpty()) {
      lines.add("Its replicas are re-placed from the survivors; " + moves(change.moves().size()) + " started:");
      lines.addAll(AdminFormats.moves(change.moves()));
    }
    return lines;
  }

  private static String moves(int n) {
    return n + (n == 1 ? " partition move" : " partition moves");
  }
}
