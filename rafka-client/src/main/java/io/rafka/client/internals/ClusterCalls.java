package io.rafka.client.internals;

import io.grpc.stub.StreamObserver;
import io.rafka.client.admin.ClusterStatus;
import io.rafka.client.admin.ElectionResult;
import io.rafka.client.admin.MembershipChange;
import io.rafka.client.admin.MetadataQuorum;
import io.rafka.client.admin.PartitionGroupDescription;
import io.rafka.client.admin.PartitionReplicas;
import io.rafka.client.admin.ReassignmentPlan;
import io.rafka.common.TopicPartition;
import io.rafka.proto.ChangeMetadataVotersRequest;
import io.rafka.proto.ChangeReplicasRequest;
import io.rafka.proto.ClusterServiceGrpc;
import io.rafka.proto.ClusterServiceGrpc.ClusterServiceStub;
import io.rafka.proto.DecommissionNodeRequest;
import io.rafka.proto.DescribeClusterRequest;
import io.rafka.proto.DescribeMetadataQuorumRequest;
import io.rafka.proto.DescribeMetadataQuorumResponse;
import io.rafka.proto.DescribePartitionRequest;
import io.rafka.proto.ElectPreferredLeadersRequest;
import io.rafka.proto.ErrorCode;
import io.rafka.proto.MetadataPeer;
import io.rafka.proto.PartitionId;
import io.rafka.proto.PlanRequest;
import io.rafka.proto.RemoveNodeRequest;
import io.rafka.proto.ReplaceVoter;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * The admin client's ClusterService calls: cluster status, node and replica membership, leader elections and
 * the metadata quorum. Each goes to any node (all of them answer), moving to another after a transient
 * failure, within one request timeout. Calls that change membership make the server wait for the change; where
 * the request says how long, it is told a little less than the client waits, so that the server's own answer
 * (done, or timed out) arrives before the client gives up. Thread-safe.
 */
public final class ClusterCalls {
  /** The most the server's wait is kept shorter than the client's. */
  private static final long MAX_TIMEOUT_MARGIN_MS = 2_000;

  private final Channels channels;
  private final MetadataCache metadata;
  private final AnyNodeCaller anyNode;
  private final Duration timeout;

  public ClusterCalls(Channels channels, MetadataCache metadata, AnyNodeCaller anyNode, Duration timeout) {
    this.channels = channels;
    this.metadata = metadata;
    this.anyNode = anyNode;
    this.timeout = timeout;
  }

  public CompletableFuture<ClusterStatus> describeCluster() {
    return call("describeCluster", ClusterServiceStub::describeCluster,
        ms -> DescribeClusterRequest.getDefaultInstance(), ClusterResponses::clusterStatus);
  }

  public CompletableFuture<MembershipChange> decommissionNode(int nodeId) {
    return call("decommissionNode", ClusterServiceStub::decommissionNode,
        ms -> DecommissionNodeRequest.newBuilder().setNodeId(nodeId).build(), ClusterResponses::membershipChange);
  }

  public CompletableFuture<MembershipChange> removeNode(int nodeId, boolean force) {
    return call("removeNode", ClusterServiceStub::removeNode,
        ms -> RemoveNodeRequest.newBuilder().setNodeId(nodeId).setForce(force).build(),
        ClusterResponses::membershipChange);
  }

  public CompletableFuture<ReassignmentPlan> planAddNode(int nodeId, boolean apply) {
    return call("planMembershipChange", ClusterServiceStub::planMembershipChange,
        ms -> PlanRequest.newBuilder().setAddNode(nodeId).setApply(apply).build(), ClusterResponses::plan);
  }

  public CompletableFuture<ReassignmentPlan> planRemoveNode(int nodeId, boolean apply) {
    return call("planMembershipChange", ClusterServiceStub::planMembershipChange,
        ms -> PlanRequest.newBuilder().setRemoveNode(nodeId).setApply(apply).build(), ClusterResponses::plan);
  }

  public CompletableFuture<PartitionGroupDescription> describePartition(TopicPartition partition) {
    Objects.requireNonNull(partition, "partition");
    return call("describePartition", ClusterServiceStub::describePartition,
        ms -> DescribePartitionRequest.newBuilder().setTopic(partition.topic())
            .setPartition(partition.partition()).build(),
        ClusterResponses::partitionGroup);
  }

  public CompletableFuture<PartitionReplicas> addReplica(TopicPartition partition, int nodeId) {
    return changeReplicas(partition, b -> b.setAddReplica(nodeId));
  }

  public CompletableFuture<PartitionReplicas> removeReplica(TopicPartition partition, int nodeId) {
    return changeReplicas(partition, b -> b.setRemoveReplica(nodeId));
  }

  public CompletableFuture<PartitionReplicas> transferLeader(TopicPartition partition, int nodeId) {
    return changeReplicas(partition, b -> b.setTransferLeader(nodeId));
  }

  private CompletableFuture<PartitionReplicas> changeReplicas(TopicPartition partition,
      Function<ChangeReplicasRequest.Builder, ChangeReplicasRequest.Builder> change) {
    Objects.requireNonNull(partition, "partition");
    return call("changePartitionReplicas", ClusterServiceStub::changePartitionReplicas,
        ms -> change.apply(ChangeReplicasRequest.newBuilder().setTopic(partition.topic())
            .setPartition(partition.partition()).setTimeoutMs(serverTimeoutMs(ms))).build(),
        ClusterResponses::partitionReplicas);
  }

  public CompletableFuture<List<ElectionResult>> electPreferredLeaders(Collection<TopicPartition> partitions) {
    List<PartitionId> ids = partitions.stream().map(tp -> PartitionId.newBuilder().setTopic(tp.topic())
        .setPartition(tp.partition()).build()).toList();
    return call("electPreferredLeaders", ClusterServiceStub::electPreferredLeaders,
        ms -> ElectPreferredLeadersRequest.newBuilder().addAllPartitions(ids).setTimeoutMs(serverTimeoutMs(ms))
            .build(),
        ClusterResponses::elections);
  }

  /**
   * Only the metadata group's leader knows when it last heard from each peer; when another node answered,
   * the leader is asked too, and its answer preferred. If it cannot be reached, the first answer stands.
   */
  public CompletableFuture<MetadataQuorum> describeMetadataQuorum() {
    long deadline = System.nanoTime() + timeout.toNanos();
    return call("describeMetadataQuorum", ClusterServiceStub::describeMetadataQuorum,
        ms -> DescribeMetadataQuorumRequest.getDefaultInstance(), ClusterCalls::checked, deadline)
        .thenCompose(first -> {
          CompletableFuture<DescribeMetadataQuorumResponse> answer = CompletableFuture.completedFuture(first);
          if (lacksContactTimes(first)) {
            answer = metadata.refresh()
                .thenCompose(view -> view.address(first.getLeader())
                    .map(leader -> once(leader, "describeMetadataQuorum",
                        ClusterServiceStub::describeMetadataQuorum,
                        DescribeMetadataQuorumRequest.getDefaultInstance(), deadline))
                    .orElseGet(() -> CompletableFuture.completedFuture(first)))
                .handle((fromLeader, e) -> e == null && fromLeader.getError().getCode() == ErrorCode.NONE
                    ? fromLeader : first);
          }
          return answer.thenApply(ClusterResponses::quorum);
        });
  }

  private static DescribeMetadataQuorumResponse checked(DescribeMetadataQuorumResponse r) {
    ClusterResponses.check(r.getError());
    return r;
  }

  /** Whether a known leader has followers whose last contact the answer does not give: it came from elsewhere. */
  private static boolean lacksContactTimes(DescribeMetadataQuorumResponse r) {
    if (r.getLeader() < 0) {
      return false;
    }
    List<MetadataPeer> others = r.getPeersList().stream().filter(p -> !p.getLeader()).toList();
    return !others.isEmpty() && others.stream().allMatch(p -> p.getLastContactMs() < 0);
  }

  public CompletableFuture<List<Integer>> addMetadataVoter(int nodeId) {
    return changeVoters(ChangeMetadataVotersRequest.newBuilder().setAddVoter(nodeId).build());
  }

  public CompletableFuture<List<Integer>> removeMetadataVoter(int nodeId) {
    return changeVoters(ChangeMetadataVotersRequest.newBuilder().setRemoveVoter(nodeId).build());
  }

  public CompletableFuture<List<Integer>> replaceMetadataVoter(int oldVoter, int newVoter) {
    return changeVoters(ChangeMetadataVotersRequest.newBuilder()
        .setReplace(ReplaceVoter.newBuilder().setOldVoter(oldVoter).setNewVoter(newVoter)).build());
  }

  private CompletableFuture<List<Integer>> changeVoters(ChangeMetadataVotersRequest request) {
    return call("changeMetadataVoters", ClusterServiceStub::changeMetadataVoters, ms -> request,
        ClusterResponses::voters);
  }

  /**
   * How long the server may wait for a change, given how long the client waits: a tenth less, by at most
   * {@value #MAX_TIMEOUT_MARGIN_MS} ms, and never 0 (which would mean the server's own, perhaps longer, wait).
   */
  static int serverTimeoutMs(long clientTimeoutMs) {
    long margin = Math.min(MAX_TIMEOUT_MARGIN_MS, clientTimeoutMs / 10);
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, clientTimeoutMs - margin));
  }

  private <Q, R, T> CompletableFuture<T> call(String method, Rpc<Q, R> rpc, LongFunction<Q> request,
      Function<R, T> onResponse) {
    return call(method, rpc, request, onResponse, System.nanoTime() + timeout.toNanos());
  }

  /**
   * Sends to any node until {@code deadline}. Each attempt gets what is left of it, and makes its request
   * knowing how many milliseconds that is. {@code onResponse} turns the response into the result, or throws
   * for its error, inside the attempt, so that an error another node may not have is retried there.
   */
  private <Q, R, T> CompletableFuture<T> call(String method, Rpc<Q, R> rpc, LongFunction<Q> request,
      Function<R, T> onResponse, long deadline) {
    return anyNode.call(address -> once(address, method, rpc, request.apply(remainingMs(deadline)), deadline)
        .thenApply(onResponse), deadline);
  }

  private <Q, R> CompletableFuture<R> once(String address, String method, Rpc<Q, R> rpc, Q request,
      long deadline) {
    ClusterServiceStub stub = ClusterServiceGrpc.newStub(channels.get(address))
        .withDeadlineAfter(remainingMs(deadline), TimeUnit.MILLISECONDS);
    return Calls.unary((q, observer) -> rpc.call(stub, q, observer), request, method + " on " + address);
  }

  /** A ClusterService method of the async stub, as {@code ClusterServiceStub::describeCluster}. */
  @FunctionalInterface
  private interface Rpc<Q, R> {
    void call(ClusterServiceStub stub, Q request, StreamObserver<R> observer);
  }

  private static long remainingMs(long deadline) {
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
  }
}
