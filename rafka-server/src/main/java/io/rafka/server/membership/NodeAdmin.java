package io.rafka.server.membership;

import io.rafka.proto.DecommissionNodeRequest;
import io.rafka.proto.ErrorCode;
import io.rafka.proto.NodeChangeResponse;
import io.rafka.proto.NodeLiveness;
import io.rafka.proto.NodeReplicaCount;
import io.rafka.proto.PartitionMove;
import io.rafka.proto.PlanRequest;
import io.rafka.proto.PlanResponse;
import io.rafka.proto.RemoveNodeRequest;
import io.rafka.proto.internal.MemberState;
import io.rafka.proto.internal.MetadataCommand;
import io.rafka.proto.internal.RegisterNodeCommand;
import io.rafka.proto.internal.RemoveNodeCommand;
import io.rafka.proto.internal.SetNodeStateCommand;
import io.rafka.server.admin.MetadataView;
import io.rafka.server.errors.Errors;
import io.rafka.server.errors.ServerException;
import io.rafka.server.metadata.ClusterImage;
import io.rafka.server.metadata.ImageWatch;
import io.rafka.server.metadata.MetadataApplier;
import io.rafka.server.metadata.NodeInfo;
import io.rafka.server.metadata.PartitionRef;
import io.rafka.server.raft.RaftNode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Node membership on any node: decommission, removal, and plans for adding or removing a node. A plan is the
 * metadata command it would propose, run through the same pure apply function the metadata group runs, so
 * what it prints is what applying it does (unless the metadata changes in between). Checks that need this
 * node's view (metadata voters, how long a node has been down) happen here; the rest the apply function
 * checks identically on every replica. Thread-safe.
 */
public final class NodeAdmin {
  private final RaftNode raft;
  private final MetadataView view;
  private final ImageWatch watch;
  private final ReplicaSizes sizes;
  private final Clock clock;
  private final Duration deadTimeout;
  private final Duration adminTimeout;

  public NodeAdmin(RaftNode raft, MetadataView view, ImageWatch watch, ReplicaSizes sizes, Clock clock,
      Duration deadTimeout, Duration adminTimeout) {
    this.raft = raft;
    this.view = view;
    this.watch = watch;
    this.sizes = sizes;
    this.clock = clock;
    this.deadTimeout = deadTimeout;
    this.adminTimeout = adminTimeout;
  }

  public CompletableFuture<NodeChangeResponse> decommission(DecommissionNodeRequest request) {
    ClusterImage before = raft.metadataImage();
    NodeInfo node = registered(before, request.getNodeId());
    refuseIfVoter(node.nodeId(), "decommission");
    return change(before, MetadataCommand.newBuilder().setSetNodeState(SetNodeStateCommand.newBuilder()
        .setNodeId(node.nodeId()).setState(MemberState.MEMBER_LEAVING)).build());
  }

  public CompletableFuture<NodeChangeResponse> remove(RemoveNodeRequest request) {
    ClusterImage before = raft.metadataImage();
    NodeInfo node = registered(before, request.getNodeId());
    refuseIfVoter(node.nodeId(), "remove");
    if (request.getForce()) {
      NodeLiveness liveness = Liveness.of(node, clock.millis(), deadTimeout.toMillis());
      if (liveness == NodeLiveness.NODE_ALIVE) {
        throw refusal("node " + node.nodeId() + " is alive; decommission it instead of forcing its removal");
      }
      if (liveness == NodeLiveness.NODE_DOWN) {
        throw refusal("node " + node.nodeId() + " has been down for "
            + (clock.millis() - node.downSinceMs()) / 1000 + " s; it counts as dead after node.dead.timeout ("
            + deadTimeout.toSeconds() + " s)");
      }
    }
    return change(before, MetadataCommand.newBuilder().setRemoveNode(RemoveNodeCommand.newBuilder()
        .setNodeId(node.nodeId()).setForce(request.getForce())).build());
  }

  public CompletableFuture<PlanResponse> plan(PlanRequest request) {
    ClusterImage image = raft.metadataImage();
    MetadataCommand command = switch (request.getChangeCase()) {
      case ADD_NODE -> addCommand(image, request.getAddNode(), request.getApply());
      case REMOVE_NODE -> removeCommand(image, request.getRemoveNode());
      default -> throw new ServerException(ErrorCode.INVALID_REQUEST, "a plan needs add_node or remove_node");
    };
    MetadataApplier.Outcome outcome = MetadataApplier.apply(image, command);
    if (outcome.result().getError() != ErrorCode.NONE) {
      throw new ServerException(outcome.result().getError(), outcome.result().getMessage());
    }
    return sizes.largest(image.nodes().values()).thenCompose(known -> {
      PlanResponse.Builder plan = describe(image, outcome.image(), known).setMetadataEpoch(image.epoch());
      if (!request.getApply()) {
        return CompletableFuture.completedFuture(plan.build());
      }
      return propose(command).thenApply(epoch -> plan.setApplied(true).setMetadataEpoch(epoch).build());
    });
  }

  private MetadataCommand addCommand(ClusterImage image, int nodeId, boolean apply) {
    if (nodeId < 1) {
      throw new ServerException(ErrorCode.INVALID_REQUEST, "node id must be at least 1, was " + nodeId);
    }
    NodeInfo node = image.nodes().get(nodeId);
    if (node == null) {
      if (apply) {
        throw new ServerException(ErrorCode.UNKNOWN_NODE, "node " + nodeId + " is not registered: start it with "
            + "ring.auto.join=false, then apply the plan");
      }
      // A dry run for a node not started yet: the ring only needs its id.
      return MetadataCommand.newBuilder().setRegisterNode(RegisterNodeCommand.newBuilder().setNodeId(nodeId)
          .setClientAddress("planned").setRaftAddress("planned").setJoinRing(true)).build();
    }
    if (node.inRing()) {
      throw refusal("node " + nodeId + " is already in the ring");
    }
    return MetadataCommand.newBuilder().setSetNodeState(SetNodeStateCommand.newBuilder().setNodeId(nodeId)
        .setState(MemberState.MEMBER_ACTIVE)).build();
  }

  private MetadataCommand removeCommand(ClusterImage image, int nodeId) {
    NodeInfo node = registered(image, nodeId);
    if (!node.inRing()) {
      throw refusal("node " + nodeId + " is " + node.state() + ", not in the ring");
    }
    refuseIfVoter(nodeId, "remove");
    return MetadataCommand.newBuilder().setSetNodeState(SetNodeStateCommand.newBuilder().setNodeId(nodeId)
        .setState(MemberState.MEMBER_LEAVING)).build();
  }

  private static PlanResponse.Builder describe(ClusterImage before, ClusterImage after, Map<PartitionRef, Long> known) {
    List<PartitionMove> moves = Moves.between(before, after, known);
    PlanResponse.Builder b = PlanResponse.newBuilder().setError(Errors.NONE).addAllMoves(moves);
    int moved = 0;
    long bytes = 0;
    int leaderChanges = 0;
    for (PartitionMove m : moves) {
      long added = m.getToList().stream().filter(n -> !m.getFromList().contains(n)).count();
      moved += (int) added;
      bytes += added * Math.max(0, m.getSizeBytes());
      if (m.getFrom(0) != m.getTo(0)) {
        leaderChanges++;
      }
    }
    Map<Integer, Integer> was = Moves.replicasPerNode(before, true);
    Map<Integer, Integer> will = Moves.replicasPerNode(after, true);
    will.keySet().forEach(n -> was.putIfAbsent(n, 0));
    was.forEach((n, count) -> b.addReplicasPerNode(NodeReplicaCount.newBuilder().setNodeId(n).setBefore(count)
        .setAfter(will.getOrDefault(n, 0))));
    return b.setMovedReplicas(moved).setMovedBytes(bytes).setLeaderChanges(leaderChanges);
  }

  private CompletableFuture<NodeChangeResponse> change(ClusterImage before, MetadataCommand command) {
    return propose(command).thenApply(epoch -> NodeChangeResponse.newBuilder().setError(Errors.NONE)
        .setMetadataEpoch(epoch).addAllMoves(Moves.between(before, raft.metadataImage(), Map.of())).build());
  }

  /** Proposes {@code command}; completes with the epoch after it once this node's copy has caught up to it. */
  private CompletableFuture<Long> propose(MetadataCommand command) {
    return raft.propose(command).thenCompose(result -> {
      if (result.getError() != ErrorCode.NONE) {
        throw new ServerException(result.getError(), result.getMessage());
      }
      long epoch = result.getMetadataEpoch();
      return watch.await(img -> img.epoch() >= epoch, adminTimeout.toMillis()).thenApply(img -> epoch);
    });
  }

  private static NodeInfo registered(ClusterImage image, int nodeId) {
    NodeInfo node = image.nodes().get(nodeId);
    if (node == null) {
      throw new ServerException(ErrorCode.UNKNOWN_NODE, "node " + nodeId + " is not a registered node");
    }
    return node;
  }

  private void refuseIfVoter(int nodeId, String what) {
    if (view.metadataVoters().contains(nodeId)) {
      throw refusal("node " + nodeId + " is a metadata voter; replace it first (rafka-admin.sh metadata voters "
          + "replace --old " + nodeId + " --new <node>), then " + what + " it");
    }
  }

  static ServerException refusal(String message) {
    return new ServerException(ErrorCode.INVALID_MEMBERSHIP_CHANGE, message);
  }
}
