package io.rafka.tools;

import static io.rafka.tools.AdminFormats.node;

import io.rafka.client.admin.MetadataQuorum;
import io.rafka.tools.TextTable.Column;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Stateless and thread-safe: renders the metadata group's quorum as {@code rafka-admin.sh metadata voters}
 * prints it. Lines come without separators; "-" stands for a value that is not known.
 */
final class QuorumFormatter {
  private static final List<Column> PEER_COLUMNS = List.of(new Column("NODE", 0), new Column("RAFT-ADDRESS", 15),
      new Column("ROLE", 8), new Column("LEADER", 0), new Column("LAST-CONTACT", 0));

  private QuorumFormatter() {}

  /** A header line (leader, term, commit index), then one row per peer by node id. */
  static List<String> quorum(MetadataQuorum quorum) {
    List<String> lines = new ArrayList<>();
    lines.add("Leader: " + node(quorum.leader()) + "  Term: " + quorum.term() + "  Commit index: "
        + quorum.commitIndex() + "  Voters: " + AdminFormats.nodes(quorum.voters().stream().sorted().toList()));
    lines.add("");
    List<List<String>> rows = new ArrayList<>();
    quorum.peers().stream().sorted(Comparator.comparingInt(MetadataQuorum.Peer::nodeId)).forEach(p -> rows.add(
        List.of(Integer.toString(p.nodeId()), p.raftAddress().isEmpty() ? AdminFormats.MISSING : p.raftAddress(),
            p.role(), AdminFormats.yesNo(p.leader()),
            p.lastContactMs() < 0 ? AdminFormats.MISSING : p.lastContactMs() + " ms ago")));
    lines.addAll(TextTable.render(PEER_COLUMNS, rows));
    return lines;
  }

  /** One line: the voters after a change. */
  static List<String> voters(List<Integer> voters) {
    return List.of("Metadata voters: " + AdminFormats.nodes(voters));
  }
}
