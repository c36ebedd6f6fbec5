package io.rafka.server.membership;

import io.rafka.proto.ChangeReplicasRequest;
import io.rafka.proto.ChangeReplicasResponse;
import io.rafka.proto.DescribePartitionRequest;
import io.rafka.proto.DescribePartitionResponse;
import io.rafka.proto.ElectPreferredLeadersRequest;
import io.rafka.proto.ElectPreferredLeadersResponse;
import io.rafka.proto.ElectionResult;
import io.rafka.proto.ErrorCode;
import io.rafka.proto.ReplicaStatus;
import io.rafka.proto.internal.MetadataCommand;
import io.rafka.proto.internal.ReassignPartitionCommand;
import io.rafka.server.admin.MetadataView;
import io.rafka.server.errors.Errors;
import io.rafka.server.errors.ServerException;
import io.rafka.server.metadata.ClusterImage;
import io.rafka.server.metadata.ImageWatch;
import io.rafka.server.metadata.LeaderInfo;
import io.rafka.server.metadata.NodeInfo;
import io.rafka.server.metadata.PartitionAssignment;
import io.rafka.server.metadata.ReplicaPeer;
import io.rafka.server.metadata.TopicInfo;
import io.rafka.server.partition.PartitionId;
import io.rafka.server.raft.GroupConfiguration;
import io.rafka.server.raft.RaftNode;
import io.rafka.server.raft.ReplicaState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A partition's Raft group as operators see it: describe it replica by replica, add or remove a replica or
 * choose its preferred leader (an override of the ring, recorded in the metadata and carried out by the
 * partition's leader), and move leaders back to their preferred replicas. Thread-safe.
 */
public final class PartitionGroupAdmin {
  /** Leadership transfers run at once by one elect-preferred request. */
  private static final int ELECTIONS_AT_ONCE = 8;

  private final RaftNode raft;
  private final MetadataView view;
  private final ImageWatch watch;
  private final Duration adminTimeout;

  public PartitionGroupAdmin(RaftNode raft, MetadataView view, ImageWatch watch, Duration adminTimeout) {
    this.raft = raft;
    this.view = view;
    this.watch = watch;
    this.adminTimeout = adminTimeout;
  }

  public CompletableFuture<DescribePartitionResponse> describe(DescribePartitionRequest request) {
    ClusterImage image = raft.metadataImage();
    TopicInfo topic = partitionOf(image, request.getTopic(), request.getPartition());
    int p = request.getPartition();
    PartitionAssignment a = topic.assignment(p);
    PartitionId id = new PartitionId(topic.name(), topic.topicId(), p);
    List<Integer> members = new ArrayList<>(a.replicas());
    a.target().stream().filter(n -> !members.contains(n)).forEach(members::add);
    Map<Integer, CompletableFuture<Optional<ReplicaState>>> asks = new LinkedHashMap<>();
    for (int n : members) {
      NodeInfo node = image.nodes().get(n);
      asks.put(n, node == null ? CompletableFuture.failedFuture(new IllegalStateException("not registered"))
          : raft.replicaState(new ReplicaPeer(n, node.raftAddress(), 0), id)
              .orTimeout(adminTimeout.toMillis(), TimeUnit.MILLISECONDS));
    }
    return CompletableFuture.allOf(asks.values().stream().map(f -> f.exceptionally(e -> Optional.empty()))
        .toArray(CompletableFuture[]::new)).thenApply(v -> {
          DescribePartitionResponse.Builder b = DescribePartitionResponse.newBuilder().setError(Errors.NONE)
              .setTopic(topic.name()).setPartition(p).setGroupId(RaftNode.groupId(id)).addAllReplicas(a.replicas())
              .addAllTargetReplicas(a.target()).setOverride(a.override());
          ReplicaState leader = asks.values().stream().filter(f -> !f.isCompletedExceptionally())
              .map(CompletableFuture::join).flatMap(Optional::stream).filter(ReplicaState::isLeader)
              .max((x, y) -> Long.compare(x.term(), y.term())).orElse(null);
          LeaderInfo known = view.leader(topic, p);
          b.setLeader(leader != null ? leader.nodeId() : known.nodeId())
              .setTerm(leader != null ? leader.term() : known.term());
          GroupConfiguration conf = leader != null ? leader.configuration() : null;
          if (conf != null) {
            b.addAllConfigurationVoters(conf.voterIds()).setConfigurationStable(conf.stable());
          }
          asks.forEach((n, f) -> b.addReplicasStatus(status(n, f, leader, conf)));
          return b.build();
        });
  }

  private static ReplicaStatus status(int node, CompletableFuture<Optional<ReplicaState>> ask, ReplicaState leader,
      GroupConfiguration conf) {
    ReplicaStatus.Builder s = ReplicaStatus.newBuilder().setNodeId(node).setLag(-1).setPriority(-1);
    if (conf != null) {
      conf.voters().stream().filter(v -> v.nodeId() == node).findFirst().ifPresent(v -> s.setPriority(v.priority()));
    }
    Optional<ReplicaState> state;
    try {
      state = ask.join();
    } catch (RuntimeException e) {
      Throwable cause = Errors.unwrap(e);
      return s.setRole("UNREACHABLE").setError(String.valueOf(cause.getMessage())).build();
    }
    if (state.isEmpty()) {
      return s.setRole("NOT_HOSTED").build();
    }
    ReplicaState r = state.get();
    s.setRole(r.role()).setTerm(r.term()).setCommitIndex(r.commitIndex()).setAppliedIndex(r.appliedIndex())
        .setLastIndex(r.lastIndex()).setSnapshotIndex(r.snapshotIndex());
    if (leader != null) {
      s.setLag(Math.max(0, leader.commitIndex() - r.appliedIndex()));
    }
    return s.build();
  }

  public CompletableFuture<ChangeReplicasResponse> change(ChangeReplicasRequest request) {
    ClusterImage image = raft.metadataImage();
    TopicInfo topic = partitionOf(image, request.getTopic(), request.getPartition());
    int p = request.getPartition();
    PartitionAssignment a = topic.assignment(p);
    String name = topic.name() + "-" + p;
    if (a.moving()) {
      throw new ServerException(ErrorCode.REASSIGNMENT_IN_PROGRESS, name + " is moving from " + a.replicas()
          + " to " + a.target() + "; change it again once that is done");
    }
    List<Integer> target = new ArrayList<>(a.replicas());
    int node;
    switch (request.getChangeCase()) {
      case ADD_REPLICA -> {
        node = registered(image, request.getAddReplica());
        if (target.contains(node)) {
          throw NodeAdmin.refusal("node " + node + " already holds a replica of " + name);
        }
        target.add(node);
      }
      case REMOVE_REPLICA -> {
        node = registered(image, request.getRemoveReplica());
        if (!target.contains(node)) {
          throw NodeAdmin.refusal("node " + node + " holds no replica of " + name);
        }
        if (target.size() == 1) {
          throw NodeAdmin.refusal("node " + node + " holds the only replica of " + name + "; removing it would "
              + "lose the partition");
        }
        target.remove(Integer.valueOf(node));
      }
      case TRANSFER_LEADER -> {
        node = registered(image, request.getTransferLeader());
        if (!target.contains(node)) {
          throw NodeAdmin.refusal("node " + node + " holds no replica of " + name + "; add one first");
        }
        target.remove(Integer.valueOf(node));
        target.add(0, node);
      }
      default -> throw new ServerException(ErrorCode.INVALID_REQUEST, "say which change: add_replica, "
          + "remove_replica or transfer_leader");
    }
    boolean leaderWanted = request.getChangeCase() == ChangeReplicasRequest.ChangeCase.TRANSFER_LEADER;
    long timeoutMs = request.getTimeoutMs() > 0 ? request.getTimeoutMs() : adminTimeout.toMillis();
    MetadataCommand command = MetadataCommand.newBuilder().setReassignPartition(ReassignPartitionCommand
        .newBuilder().setTopicId(topic.topicId()).setPartition(p).addAllTarget(target)).build();
    String topicId = topic.topicId();
    return raft.propose(command).thenCompose(result -> {
      if (result.getError() != ErrorCode.NONE) {
        throw new ServerException(result.getError(), result.getMessage());
      }
      return watch.await(img -> done(img, topicId, p, target, leaderWanted ? node : -1), timeoutMs);
    }).thenApply(img -> {
      if (!done(img, topicId, p, target, leaderWanted ? node : -1)) {
        throw new ServerException(ErrorCode.REQUEST_TIMED_OUT, "the change of " + name + " to " + target
            + " was accepted and is still in progress after " + timeoutMs + " ms");
      }
      TopicInfo t = img.topicById(topicId).orElseThrow();
      return ChangeReplicasResponse.newBuilder().setError(Errors.NONE).addAllReplicas(t.replicasOf(p))
          .setLeader(view.leader(t, p).nodeId()).build();
    });
  }

  private boolean done(ClusterImage image, String topicId, int p, List<Integer> target, int wantedLeader) {
    TopicInfo t = image.topicById(topicId).orElse(null);
    if (t == null || t.assignment(p).moving() || !t.replicasOf(p).equals(target)) {
      return false;
    }
    return wantedLeader < 0 || view.leader(t, p).nodeId() == wantedLeader;
  }

  public CompletableFuture<ElectPreferredLeadersResponse> electPreferred(ElectPreferredLeadersRequest request) {
    ClusterImage image = raft.metadataImage();
    List<PartitionId> wanted = new ArrayList<>();
    if (request.getPartitionsCount() == 0) {
      image.topics().values().forEach(t -> {
        for (int p = 0; p < t.partitions(); p++) {
          wanted.add(new PartitionId(t.name(), t.topicId(), p));
        }
      });
    } else {
      request.getPartitionsList().forEach(r -> {
        TopicInfo t = partitionOf(image, r.getTopic(), r.getPartition());
        wanted.add(new PartitionId(t.name(), t.topicId(), r.getPartition()));
      });
    }
    Duration timeout = Duration.ofMillis(request.getTimeoutMs() > 0 ? request.getTimeoutMs()
        : adminTimeout.toMillis());
    CompletableFuture<List<ElectionResult>> chain = CompletableFuture.completedFuture(new ArrayList<>());
    for (int i = 0; i < wanted.size(); i += ELECTIONS_AT_ONCE) {
      List<PartitionId> batch = wanted.subList(i, Math.min(wanted.size(), i + ELECTIONS_AT_ONCE));
      chain = chain.thenCompose(done -> {
        List<CompletableFuture<ElectionResult>> elections = new ArrayList<>();
        batch.forEach(id -> elect(image, id, timeout).ifPresent(elections::add));
        return CompletableFuture.allOf(elections.toArray(CompletableFuture[]::new)).thenApply(v -> {
          elections.forEach(e -> done.add(e.join()));
          return done;
        });
      });
    }
    return chain.thenApply(results -> ElectPreferredLeadersResponse.newBuilder().setError(Errors.NONE)
        .addAllResults(results).build());
  }

  /** Moves leadership of one partition to its preferred replica; empty if it already leads. */
  private Optional<CompletableFuture<ElectionResult>> elect(ClusterImage image, PartitionId id, Duration timeout) {
    TopicInfo t = image.topicById(id.topicId()).orElseThrow();
    PartitionAssignment a = t.assignment(id.partition());
    int preferred = a.replicas().get(0);
    int leader = view.leader(t, id.partition()).nodeId();
    if (leader == preferred) {
      return Optional.empty();
    }
    ElectionResult.Builder r = ElectionResult.newBuilder().setTopic(id.topic()).setPartition(id.partition())
        .setPreferred(preferred).setLeader(leader);
    NodeInfo node = image.nodes().get(preferred);
    if (a.moving() || node == null || node.isDown()) {
      return Optional.of(CompletableFuture.completedFuture(r.setError(Errors.of(ErrorCode.LEADER_NOT_AVAILABLE,
          a.moving() ? "the partition is moving" : "preferred replica on node " + preferred + " is down")).build()));
    }
    return Optional.of(raft.transferLeadership(id, ReplicaPeer.ofReplicas(image, a.replicas()), preferred, timeout)
        .handle((v, e) -> e == null ? r.setLeader(preferred).setError(Errors.NONE).build()
            : r.setError(Errors.from(e)).build()));
  }

  private static TopicInfo partitionOf(ClusterImage image, String topic, int partition) {
    TopicInfo t = image.topic(topic).orElseThrow(() -> new ServerException(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
        "topic '" + topic + "' does not exist"));
    if (partition < 0 || partition >= t.partitions()) {
      throw new ServerException(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, "topic '" + topic + "' has no partition "
          + partition + " (it has " + t.partitions() + ")");
    }
    return t;
  }

  private static int registered(ClusterImage image, int nodeId) {
    if (!image.nodes().containsKey(nodeId)) {
      throw new ServerException(ErrorCode.UNKNOWN_NODE, "node " + nodeId + " is not a registered node");
    }
    return nodeId;
  }
}
