package io.rafka.server.rpc;

import io.grpc.stub.StreamObserver;
import io.rafka.proto.ChangeMetadataVotersRequest;
import io.rafka.proto.ChangeMetadataVotersResponse;
import io.rafka.proto.ChangeReplicasRequest;
import io.rafka.proto.ChangeReplicasResponse;
import io.rafka.proto.ClusterServiceGrpc;
import io.rafka.proto.DecommissionNodeRequest;
import io.rafka.proto.DescribeClusterRequest;
import io.rafka.proto.DescribeClusterResponse;
import io.rafka.proto.DescribeLocalReplicasRequest;
import io.rafka.proto.DescribeLocalReplicasResponse;
import io.rafka.proto.DescribeMetadataQuorumRequest;
import io.rafka.proto.DescribePositionsRequest;
import io.rafka.proto.DescribePositionsResponse;
import io.rafka.proto.DescribeMetadataQuorumResponse;
import io.rafka.proto.DescribePartitionRequest;
import io.rafka.proto.DescribePartitionResponse;
import io.rafka.proto.ElectPreferredLeadersRequest;
import io.rafka.proto.ElectPreferredLeadersResponse;
import io.rafka.proto.NodeChangeResponse;
import io.rafka.proto.PlanRequest;
import io.rafka.proto.PlanResponse;
import io.rafka.proto.RemoveNodeRequest;
import io.rafka.server.errors.Errors;
import io.rafka.server.membership.ClusterAdmin;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * gRPC binding of the cluster membership handlers. Handlers may block (they ask other nodes), so they run on
 * the API pool, not on the connection's event loop.
 */
final class ClusterService extends ClusterServiceGrpc.ClusterServiceImplBase {
  private final ClusterAdmin admin;
  private final Executor executor;

  ClusterService(ClusterAdmin admin, Executor executor) {
    this.admin = admin;
    this.executor = executor;
  }

  private <T> Supplier<CompletableFuture<T>> async(Supplier<CompletableFuture<T>> handler) {
    return () -> CompletableFuture.supplyAsync(handler, executor).thenCompose(f -> f);
  }

  @Override
  public void describeCluster(DescribeClusterRequest request, StreamObserver<DescribeClusterResponse> observer) {
    Responder.respond(observer, async(() -> CompletableFuture.completedFuture(admin.status().describe())),
        e -> DescribeClusterResponse.newBuilder().setError(Errors.from(e)).build());
  }

  @Override
  public void decommissionNode(DecommissionNodeRequest request, StreamObserver<NodeChangeResponse> observer) {
    Responder.respond(observer, async(() -> admin.nodes().decommission(request)),
        e -> NodeChangeResponse.newBuilder().setError(Errors.from(e)).build());
  }

  @Override
  public void removeNode(RemoveNodeRequest request, StreamObserver<NodeChangeResponse> observer) {
    Responder.respond(observer, async(() -> admin.nodes().remove(request)),
        e -> NodeChangeResponse.newBuilder().setError(Errors.from(e)).build());
  }

  @Override
  public void planMembershipChange(PlanRequest request, StreamObserver<PlanResponse> observer) {
    Responder.respond(observer, async(() -> admin.nodes().plan(request)),
        e -> PlanResponse.newBuilder().setError(Errors.from(e)).build());
  }

  @Override
  public void describePartition(DescribePartitionRequest request,
      StreamObserver<DescribePartitionResponse> observer) {
    Responder.respond(observer, async(() -> admin.partitions().describe(request)),
        e -> DescribePartitionResponse.newBuilder().setError(Errors.from(e)).build());
  }

  @Override
  public void changePartitionReplicas(ChangeReplicasRequest request,
      StreamObserver<ChangeReplicasResponse> observer) {
    Responder.respond(observer, async(() -> admin.partitions().change(request)),
        e -> ChangeReplicasResponse.newBuilder().setError(Errors.from(e)).build());
  }

  @Override
  public void electPreferredLeaders(ElectPreferredLeadersRequest request,
      StreamObserver<ElectPreferredLeadersResponse> observer) {
    Responder.respond(observer, async(() -> admin.partitions().electPreferred(request)),
        e -> ElectPreferredLeadersResponse.newBuilder().setError(Errors.from(e)).build());
  }

  @Override
  public void describeMetadataQuorum(DescribeMetadataQuorumRequest request,
      StreamObserver<DescribeMetadataQuorumResponse> observer) {
    Responder.respond(observer, async(() -> CompletableFuture.completedFuture(admin.voters().describe())),
        e -> DescribeMetadataQuorumResponse.newBuilder().setError(Errors.from(e)).build());
  }

  @Override
  public void changeMetadataVoters(ChangeMetadataVotersRequest request,
      StreamObserver<ChangeMetadataVotersResponse> observer) {
    Responder.respond(observer, async(() -> admin.voters().change(request)),
        e -> ChangeMetadataVotersResponse.newBuilder().setError(Errors.from(e)).build());
  }

  @Override
  public void describeLocalReplicas(DescribeLocalReplicasRequest request,
      StreamObserver<DescribeLocalReplicasResponse> observer) {
    Responder.respond(observer, async(() -> CompletableFuture.completedFuture(admin.sizes().local())),
        e -> DescribeLocalReplicasResponse.newBuilder().setError(Errors.from(e)).build());
  }

  @Override
  public void describePositions(DescribePositionsRequest request,
      StreamObserver<DescribePositionsResponse> observer) {
    Responder.respond(observer,
        async(() -> CompletableFuture.completedFuture(admin.positions().describe(request))),
        e -> DescribePositionsResponse.newBuilder().setError(Errors.from(e)).build());
  }
}
