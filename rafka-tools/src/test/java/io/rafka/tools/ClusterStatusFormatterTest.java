package io.rafka.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rafka.client.admin.ClusterStatus;
import io.rafka.client.admin.MembershipChange;
import io.rafka.client.admin.NodeLiveness;
import io.rafka.client.admin.NodeState;
import io.rafka.client.admin.NodeStatus;
import io.rafka.client.admin.PartitionIssue;
import io.rafka.client.admin.PartitionMove;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterStatusFormatterTest {
  private static final long NOW = 1_700_000_100_000L;
  private static final NodeStatus ALIVE = new NodeStatus(1, "127.0.0.1:9192", "127.0.0.1:9193", NodeState.ACTIVE,
      NodeLiveness.ALIVE, 0, true, 6, 4, 3, 1, 0);
  private static final NodeStatus DOWN = new NodeStatus(2, "127.0.0.1:9292", "127.0.0.1:9293", NodeState.LEAVING,
      NodeLiveness.DOWN, NOW - 12_000, true, 5, 0, 2, 0, 5);
  private static final NodeStatus DEAD = new NodeStatus(3, "127.0.0.1:9392", "", NodeState.JOINING,
      NodeLiveness.DEAD, NOW - 75_000, false, 0, 0, 0, 0, 0);
  private static final String NODE_HEADER =
      "ID  ADDRESS         STATE    LIVENESS  VOTER REPLICAS LEADERS PREFERRED IN  OUT";

  @Test
  void statusHasAHeaderTheNodesAndEverySection() {
    ClusterStatus status = new ClusterStatus(42, 7, 2, 1, List.of(DOWN, ALIVE, DEAD), 12,
        List.of(new PartitionIssue("orders", 3, List.of(1, 3), 1, "replica on node 3 is dead")), List.of(),
        List.of(new PartitionMove("orders", 5, List.of(2, 1), List.of(1, 4), 1_572_864, false)), 60_000);

    assertEquals(List.of(
        "Metadata epoch: 42  Ring epoch: 7  Metadata leader: 1  Partitions: 12  Dead after: 60s",
        "",
        NODE_HEADER,
        "1   127.0.0.1:9192  ACTIVE   alive     yes   6        4       3         1   0",
        "2   127.0.0.1:9292  LEAVING  down 12s  yes   5        0       2         0   5",
        "3   127.0.0.1:9392  JOINING  dead 75s  no    0        0       0         0   0",
        "",
        "Under-replicated partitions (1):",
        "TOPIC           PARTITION LEADER REPLICAS REASON",
        "orders          3         1      1,3      replica on node 3 is dead",
        "",
        "Partitions without a leader: none",
        "",
        "Moves in progress (1):",
        "TOPIC           PARTITION FROM     TO       SIZE",
        "orders          5         2,1      1,4      1.5 MiB"),
        ClusterStatusFormatter.status(status, NOW));
  }

  @Test
  void aHealthyClusterSaysNoneThreeTimes() {
    ClusterStatus status = new ClusterStatus(3, 1, 1, -1, List.of(ALIVE), 0, List.of(), List.of(), List.of(),
        90_000);

    List<String> lines = ClusterStatusFormatter.status(status, NOW);

    assertEquals("Metadata epoch: 3  Ring epoch: 1  Metadata leader: -  Partitions: 0  Dead after: 90s",
        lines.get(0));
    assertEquals(List.of("Under-replicated partitions: none", "", "Partitions without a leader: none", "",
        "Moves in progress: none"), lines.subList(lines.size() - 5, lines.size()));
  }

  @Test
  void livenessCountsFromWhenTheNodeStoppedAnswering() {
    assertEquals("alive", ClusterStatusFormatter.liveness(ALIVE, NOW));
    assertEquals("down 12s", ClusterStatusFormatter.liveness(DOWN, NOW));
    assertEquals("dead 75s", ClusterStatusFormatter.liveness(DEAD, NOW));
    assertEquals("dead 20m", ClusterStatusFormatter.liveness(DEAD, NOW + 1_125_000));
    NodeStatus downSinceUnknown = new NodeStatus(4, "", "", NodeState.ACTIVE, NodeLiveness.DOWN, 0, false, 0, 0, 0,
        0, 0);
    assertEquals("down", ClusterStatusFormatter.liveness(downSinceUnknown, NOW));
    NodeStatus unknown = new NodeStatus(5, "", "", NodeState.UNKNOWN, NodeLiveness.UNKNOWN, 0, false, 0, 0, 0, 0, 0);
    assertEquals("unknown", ClusterStatusFormatter.liveness(unknown, NOW));
  }

  @Test
  void nodeTableIsByIdWithDashForAMissingAddress() {
    NodeStatus noAddress = new NodeStatus(10, "", "", NodeState.UNKNOWN, NodeLiveness.UNKNOWN, 0, false, 0, 0, 0, 0,
        0);
    assertEquals(List.of(NODE_HEADER,
        "1   127.0.0.1:9192  ACTIVE   alive     yes   6        4       3         1   0",
        "10  -               UNKNOWN  unknown   no    0        0       0         0   0"),
        ClusterStatusFormatter.nodeTable(List.of(noAddress, ALIVE), NOW));
  }

  @Test
  void decommissionAndRemoveSayWhatStarted() {
    MembershipChange moving = new MembershipChange(51, List.of(new PartitionMove("orders", 0, List.of(3, 1),
        List.of(1, 2), 100, false)));
    assertEquals(List.of("Node 3 is leaving (metadata epoch 51); 1 partition move started:",
        "TOPIC           PARTITION FROM     TO       SIZE",
        "orders          0         3,1      1,2      100 B"),
        ClusterStatusFormatter.decommissioned(3, moving));
    assertEquals(List.of("Node 3 is leaving (metadata epoch 52); it holds no replicas to move."),
        ClusterStatusFormatter.decommissioned(3, new MembershipChange(52, List.of())));
    assertEquals(List.of("Removed node 4 (metadata epoch 8)."),
        ClusterStatusFormatter.removed(4, new MembershipChange(8, List.of())));
    assertEquals("Its replicas are re-placed from the survivors; 1 partition move started:",
        ClusterStatusFormatter.removed(3, moving).get(1));
  }
}
