package io.rafka.server.membership;

import io.rafka.proto.ClusterServiceGrpc;
import io.rafka.proto.DescribeLocalReplicasRequest;
import io.rafka.proto.DescribeLocalReplicasResponse;
import io.rafka.proto.LocalReplica;
import io.rafka.server.common.PeerChannels;
import io.rafka.server.errors.Errors;
import io.rafka.server.metadata.NodeInfo;
import io.rafka.server.metadata.PartitionRef;
import io.rafka.server.partition.Partition;
import io.rafka.server.partition.PartitionRegistry;
import io.rafka.server.raft.RaftNode;
import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Partition sizes across the cluster, for plans that say how many bytes a move copies: this node's replicas
 * from its own registry, other nodes' through their DescribeLocalReplicas call (one cached channel per
 * node). A node that does not answer in time is left out. Thread-safe.
 */
public final class ReplicaSizes implements Closeable {
  private final int nodeId;
  private final PartitionRegistry registry;
  private final RaftNode raft;
  private final Duration timeout;
  private final PeerChannels channels = new PeerChannels();

  public ReplicaSizes(int nodeId, PartitionRegistry registry, RaftNode raft, Duration timeout) {
    this.nodeId = nodeId;
    this.registry = registry;
    this.raft = raft;
    this.timeout = timeout;
  }

  /** The replicas this node hosts. */
  public DescribeLocalReplicasResponse local() {
    DescribeLocalReplicasResponse.Builder b = DescribeLocalReplicasResponse.newBuilder().setError(Errors.NONE)
        .setNodeId(nodeId);
    for (Partition p : registry.all()) {
      b.addReplicas(LocalReplica.newBuilder().setTopic(p.id().topic()).setTopicId(p.id().topicId())
          .setPartition(p.id().partition()).setSizeBytes(p.sizeInBytes()).setLogStartOffset(p.logStartOffset())
          .setLogEndOffset(p.logEndOffset())
          .setLeader(raft.isLeaderReady(p.id().topicId(), p.id().partition())));
    }
    return b.build();
  }

  /** The largest size any answering node reports for each partition. */
  public CompletableFuture<Map<PartitionRef, Long>> largest(Collection<NodeInfo> nodes) {
    List<CompletableFuture<DescribeLocalReplicasResponse>> asks = new ArrayList<>();
    for (NodeInfo node : nodes) {
      asks.add(node.nodeId() == nodeId ? CompletableFuture.completedFuture(local())
          : ask(node).exceptionally(e -> DescribeLocalReplicasResponse.getDefaultInstance()));
    }
    return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new)).thenApply(v -> {
      Map<PartitionRef, Long> sizes = new HashMap<>();
      for (CompletableFuture<DescribeLocalReplicasResponse> ask : asks) {
        for (LocalReplica r : ask.join().getReplicasList()) {
          sizes.merge(new PartitionRef(r.getTopicId(), r.getPartition()), r.getSizeBytes(), Math::max);
        }
      }
      return sizes;
    });
  }

  private CompletableFuture<DescribeLocalReplicasResponse> ask(NodeInfo node) {
    return PeerChannels.completable(ClusterServiceGrpc.newFutureStub(channels.to(node.clientAddress()))
        .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .describeLocalReplicas(DescribeLocalReplicasRequest.getDefaultInstance()));
  }

  @Override
  public void close() {
    channels.close();
  }
}
