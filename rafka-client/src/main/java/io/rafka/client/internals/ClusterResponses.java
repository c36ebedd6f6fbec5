package io.rafka.client.internals;

import io.rafka.client.admin.ClusterStatus;
import io.rafka.client.admin.ElectionResult;
import io.rafka.client.admin.MembershipChange;
import io.rafka.client.admin.MetadataQuorum;
import io.rafka.client.admin.NodeLiveness;
import io.rafka.client.admin.NodeState;
import io.rafka.client.admin.NodeStatus;
import io.rafka.client.admin.PartitionGroupDescription;
import io.rafka.client.admin.PartitionIssue;
import io.rafka.client.admin.PartitionMove;
import io.rafka.client.admin.PartitionReplicas;
import io.rafka.client.admin.ReassignmentPlan;
import io.rafka.client.errors.ServerErrors;
import io.rafka.proto.ChangeMetadataVotersResponse;
import io.rafka.proto.ChangeReplicasResponse;
import io.rafka.proto.DescribeClusterResponse;
import io.rafka.proto.DescribeMetadataQuorumResponse;
import io.rafka.proto.DescribePartitionResponse;
import io.rafka.proto.ElectPreferredLeadersResponse;
import io.rafka.proto.Error;
import io.rafka.proto.ErrorCode;
import io.rafka.proto.MetadataPeer;
import io.rafka.proto.NodeChangeResponse;
import io.rafka.proto.PlanResponse;
import io.rafka.proto.ReplicaStatus;
import java.util.List;

/**
 * Turns ClusterService responses into the admin client's model objects, and a response's error into the
 * client exception for it. Stateless and thread-safe.
 */
public final class ClusterResponses {
  private ClusterResponses() {}

  /** The client's view of a wire node state; one it does not know is {@link NodeState#UNKNOWN}. */
  public static NodeState state(io.rafka.proto.NodeState state) {
    switch (state) {
      case NODE_ACTIVE:
        return NodeState.ACTIVE;
      case NODE_LEAVING:
        return NodeState.LEAVING;
      case NODE_JOINING:
        return NodeState.JOINING;
      default:
        return NodeState.UNKNOWN;
    }
  }

  static NodeLiveness liveness(io.rafka.proto.NodeLiveness liveness) {
    switch (liveness) {
      case NODE_ALIVE:
        return NodeLiveness.ALIVE;
      case NODE_DOWN:
        return NodeLiveness.DOWN;
      case NODE_DEAD:
        return NodeLiveness.DEAD;
      default:
        return NodeLiveness.UNKNOWN;
    }
  }

  /** @throws io.rafka.client.errors.RafkaException for a response that carries an error */
  static void check(Error error) {
    if (error.getCode() != ErrorCode.NONE) {
      throw ServerErrors.toException(error);
    }
  }

  static ClusterStatus clusterStatus(DescribeClusterResponse r) {
    check(r.getError());
    List<NodeStatus> nodes = r.getNodesList().stream().map(n -> new NodeStatus(n.getNodeId(), n.getClientAddress(),
        n.getRaftAddress(), state(n.getState()), liveness(n.getLiveness()), n.getDownSinceMs(), n.getMetadataVoter(),
        n.getReplicas(), n.getLeaders(), n.getPreferredLeaders(), n.getIncomingMoves(), n.getOutgoingMoves()))
        .toList();
    return new ClusterStatus(r.getMetadataEpoch(), r.getRingEpoch(), r.getRespondingNode(), r.getMetadataLeader(),
        nodes, r.getPartitions(), issues(r.getUnderReplicatedList()), issues(r.getLeaderlessList()),
        moves(r.getMovesList()), r.getDeadTimeoutMs());
  }

  static MembershipChange membershipChange(NodeChangeResponse r) {
    check(r.getError());
    return new MembershipChange(r.getMetadataEpoch(), moves(r.getMovesList()));
  }

  static ReassignmentPlan plan(PlanResponse r) {
    check(r.getError());
    List<ReassignmentPlan.NodeReplicaCount> perNode = r.getReplicasPerNodeList().stream()
        .map(c -> new ReassignmentPlan.NodeReplicaCount(c.getNodeId(), c.getBefore(), c.getAfter())).toList();
    return new ReassignmentPlan(moves(r.getMovesList()), r.getMovedReplicas(), r.getMovedBytes(),
        r.getLeaderChanges(), perNode, r.getApplied(), r.getMetadataEpoch());
  }

  static PartitionGroupDescription partitionGroup(DescribePartitionResponse r) {
    check(r.getError());
    List<PartitionGroupDescription.ReplicaStatus> replicas = r.getReplicasStatusList().stream()
        .map(ClusterResponses::replica).toList();
    return new PartitionGroupDescription(r.getTopic(), r.getPartition(), r.getGroupId(), r.getLeader(), r.getTerm(),
        r.getReplicasList(), r.getTargetReplicasList(), r.getOverride(), r.getConfigurationVotersList(),
        r.getConfigurationStable(), replicas);
  }

  private static PartitionGroupDescription.ReplicaStatus replica(ReplicaStatus s) {
    return new PartitionGroupDescription.ReplicaStatus(s.getNodeId(), s.getRole(), s.getPriority(), s.getTerm(),
        s.getCommitIndex(), s.getAppliedIndex(), s.getLastIndex(), s.getSnapshotIndex(), s.getLag(), s.getError());
  }

  static PartitionReplicas partitionReplicas(ChangeReplicasResponse r) {
    check(r.getError());
    return new PartitionReplicas(r.getReplicasList(), r.getLeader());
  }

  /** One result per partition, each with its own error; the response's own error fails the whole call. */
  static List<ElectionResult> elections(ElectPreferredLeadersResponse r) {
    check(r.getError());
    return r.getResultsList().stream().map(e -> new ElectionResult(e.getTopic(), e.getPartition(), e.getPreferred(),
        e.getLeader(), e.getError().getCode() == ErrorCode.NONE ? null : ServerErrors.toException(e.getError())))
        .toList();
  }

  static MetadataQuorum quorum(DescribeMetadataQuorumResponse r) {
    check(r.getError());
    List<MetadataQuorum.Peer> peers = r.getPeersList().stream().map(ClusterResponses::peer).toList();
    return new MetadataQuorum(r.getLeader(), r.getTerm(), r.getCommitIndex(), peers);
  }

  private static MetadataQuorum.Peer peer(MetadataPeer p) {
    return new MetadataQuorum.Peer(p.getNodeId(), p.getRaftAddress(), p.getRole(), p.getLeader(),
        p.getLastContactMs());
  }

  static List<Integer> voters(ChangeMetadataVotersResponse r) {
    check(r.getError());
    return List.copyOf(r.getVotersList());
  }

  private static List<PartitionIssue> issues(List<io.rafka.proto.PartitionIssue> issues) {
    return issues.stream().map(i -> new PartitionIssue(i.getTopic(), i.getPartition(), i.getReplicasList(),
        i.getLeader(), i.getReason())).toList();
  }

  private static List<PartitionMove> moves(List<io.rafka.proto.PartitionMove> moves) {
    return moves.stream().map(m -> new PartitionMove(m.getTopic(), m.getPartition(), m.getFromList(), m.getToList(),
        m.getSizeBytes(), m.getOverride())).toList();
  }
}
