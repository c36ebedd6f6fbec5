package io.rafka.server.membership;

import io.rafka.proto.DescribeClusterResponse;
import io.rafka.proto.NodeStatus;
import io.rafka.proto.PartitionIssue;
import io.rafka.proto.PartitionMove;
import io.rafka.server.admin.MetadataView;
import io.rafka.server.errors.Errors;
import io.rafka.server.metadata.ClusterImage;
import io.rafka.server.metadata.LeaderInfo;
import io.rafka.server.metadata.NodeInfo;
import io.rafka.server.metadata.PartitionAssignment;
import io.rafka.server.metadata.TopicInfo;
import io.rafka.server.metrics.ClusterHealth;
import io.rafka.server.raft.RaftNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cluster's state as one answer: nodes with their ring state and liveness, replicas and leaders per node,
 * and the partitions that need attention. Computed from this node's metadata copy; a partition is
 * under-replicated when it has fewer replicas than its replication factor or a replica on a node that is down,
 * and leaderless when no leader is known or the known one is down. Thread-safe.
 */
public final class ClusterStatusView {
  private final int nodeId;
  private final RaftNode raft;
  private final MetadataView view;
  private final Clock clock;
  private final long deadTimeoutMs;

  public ClusterStatusView(int nodeId, RaftNode raft, MetadataView view, Clock clock, long deadTimeoutMs) {
    this.nodeId = nodeId;
    this.raft = raft;
    this.view = view;
    this.clock = clock;
    this.deadTimeoutMs = deadTimeoutMs;
  }

  public DescribeClusterResponse describe() {
    ClusterImage image = raft.metadataImage();
    long now = clock.millis();
    Map<Integer, int[]> counts = new HashMap<>();
    image.nodes().keySet().forEach(n -> counts.put(n, new int[5]));
    DescribeClusterResponse.Builder b = DescribeClusterResponse.newBuilder().setError(Errors.NONE)
        .setMetadataEpoch(image.epoch()).setRingEpoch(image.ringEpoch()).setRespondingNode(nodeId)
        .setMetadataLeader(raft.metadataQuorum().map(q -> q.leader()).orElse(-1)).setDeadTimeoutMs(deadTimeoutMs);
    int partitions = 0;
    for (TopicInfo t : image.topics().values()) {
      for (int p = 0; p < t.partitions(); p++) {
        partitions++;
        PartitionAssignment a = t.assignment(p);
        LeaderInfo leader = view.leader(t, p);
        a.replicas().forEach(n -> count(counts, n, 0));
        count(counts, leader.nodeId(), 1);
        count(counts, a.replicas().get(0), 2);
        if (a.moving()) {
          a.target().stream().filter(n -> !a.replicas().contains(n)).forEach(n -> count(counts, n, 3));
          a.replicas().stream().filter(n -> !a.target().contains(n)).forEach(n -> count(counts, n, 4));
          b.addMoves(PartitionMove.newBuilder().setTopic(t.name()).setPartition(p).addAllFrom(a.replicas())
              .addAllTo(a.target()).setSizeBytes(-1).setOverride(a.override()));
        }
        String under = underReplication(image, t, a);
        if (under != null) {
          b.addUnderReplicated(issue(t, p, a, leader, under));
        }
        String leaderless = leaderlessness(image, leader);
        if (leaderless != null) {
          b.addLeaderless(issue(t, p, a, leader, leaderless));
        }
      }
    }
    Set<Integer> voters = view.metadataVoters();
    for (NodeInfo n : image.nodes().values()) {
      int[] c = counts.get(n.nodeId());
      b.addNodes(NodeStatus.newBuilder().setNodeId(n.nodeId()).setClientAddress(n.clientAddress())
          .setRaftAddress(n.raftAddress()).setState(MetadataView.state(n.state()))
          .setLiveness(Liveness.of(n, now, deadTimeoutMs)).setDownSinceMs(n.downSinceMs())
          .setMetadataVoter(voters.contains(n.nodeId())).setReplicas(c[0]).setLeaders(c[1])
          .setPreferredLeaders(c[2]).setIncomingMoves(c[3]).setOutgoingMoves(c[4]));
    }
    return b.setPartitions(partitions).build();
  }

  /** The numbers behind {@link #describe()}, for gauges; same metadata copy, same rules. */
  public ClusterHealth health() {
    ClusterImage image = raft.metadataImage();
    int under = 0;
    int leaderless = 0;
    Map<Integer, Integer> atRisk = new HashMap<>();
    image.nodes().keySet().forEach(n -> atRisk.put(n, 0));
    for (TopicInfo t : image.topics().values()) {
      for (int p = 0; p < t.partitions(); p++) {
        PartitionAssignment a = t.assignment(p);
        if (underReplication(image, t, a) != null) {
          under++;
        }
        if (leaderlessness(image, view.leader(t, p)) != null) {
          leaderless++;
        }
        List<Integer> up = a.replicas().stream().filter(n -> image.nodes().containsKey(n)
            && !image.nodes().get(n).isDown()).toList();
        int majority = a.replicas().size() / 2 + 1;
        if (up.size() - 1 < majority) {
          up.forEach(n -> atRisk.merge(n, 1, Integer::sum));
        }
      }
    }
    int down = (int) image.nodes().values().stream().filter(NodeInfo::isDown).count();
    return new ClusterHealth(under, leaderless, down, atRisk);
  }

  private static void count(Map<Integer, int[]> counts, int node, int what) {
    int[] c = counts.get(node);
    if (c != null) {
      c[what]++;
    }
  }

  private static String underReplication(ClusterImage image, TopicInfo t, PartitionAssignment a) {
    if (a.replicas().size() < t.replicationFactor()) {
      return "has " + a.replicas().size() + " replicas, replication factor is " + t.replicationFactor();
    }
    List<String> down = new ArrayList<>();
    for (int n : a.replicas()) {
      NodeInfo node = image.nodes().get(n);
      if (node == null || node.isDown()) {
        down.add(String.valueOf(n));
      }
    }
    return down.isEmpty() ? null : "replica on node " + String.join(", ", down) + " is down";
  }

  private static String leaderlessness(ClusterImage image, LeaderInfo leader) {
    if (leader.nodeId() < 0) {
      return "no leader known";
    }
    NodeInfo node = image.nodes().get(leader.nodeId());
    return node != null && node.isDown() ? "last known leader, node " + leader.nodeId() + ", is down" : null;
  }

  private static PartitionIssue issue(TopicInfo t, int p, PartitionAssignment a, LeaderInfo leader, String why) {
    return PartitionIssue.newBuilder().setTopic(t.name()).setPartition(p).addAllReplicas(a.replicas())
        .setLeader(leader.nodeId()).setReason(why).build();
  }
}
