package io.rafka.server.rpc;

import io.grpc.stub.StreamObserver;
import io.rafka.proto.CommitOffsetsRequest;
import io.rafka.proto.CommitOffsetsResponse;
import io.rafka.proto.DescribeGroupRequest;
import io.rafka.proto.DescribeGroupResponse;
import io.rafka.proto.FetchOffsetsRequest;
import io.rafka.proto.FetchOffsetsResponse;
import io.rafka.proto.FindCoordinatorRequest;
import io.rafka.proto.FindCoordinatorResponse;
import io.rafka.proto.GroupHeartbeatRequest;
import io.rafka.proto.GroupHeartbeatResponse;
import io.rafka.proto.GroupServiceGrpc;
import io.rafka.proto.ListGroupsRequest;
import io.rafka.proto.ListGroupsResponse;
import io.rafka.proto.ResetOffsetsRequest;
import io.rafka.proto.ResetOffsetsResponse;
import io.rafka.server.errors.Errors;
import io.rafka.server.group.GroupCoordinator;
import java.util.concurrent.CompletableFuture;

/** gRPC binding of {@link GroupCoordinator}. */
final class GroupService extends GroupServiceGrpc.GroupServiceImplBase {
  private final GroupCoordinator coordinator;

  GroupService(GroupCoordinator coordinator) {
    this.coordinator = coordinator;
  }

  @Override
  public void findCoordinator(FindCoordinatorRequest request, StreamObserver<FindCoordinatorResponse> observer) {
    Responder.respond(observer, () -> CompletableFuture.completedFuture(coordinator.findCoordinator(request)),
        e -> FindCoordinatorResponse.newBuilder().setError(Errors.from(e)).build());
  }

  @Override
  public void heartbeat(GroupHeartbeatRequest request, StreamObserver<GroupHeartbeatResponse> observer) {
    Responder.respond(observer, () -> coordinator.heartbeat(request),
        e -> GroupHeartbeatResponse.newBuilder().setError(Errors.from(e)).build());
  }

  @Override
  public void commitOffsets(CommitOffsetsRequest request, StreamObserver<CommitOffsetsResponse> observer) {
    Responder.respond(observer, () -> coordinator.commit(request),
        e -> CommitOffsetsResponse.newBuilder().setError(Errors.from(e)).build());
  }

  @Override
  public void fetchOffsets(FetchOffsetsRequest request, StreamObserver<FetchOffsetsResponse> observer) {
    Responder.respond(observer, () -> coordinator.fetchOffsets(request),
        e -> FetchOffsetsResponse.newBuilder().setError(Errors.from(e)).build());
  }

  @Override
  public void listGroups(ListGroupsRequest request, StreamObserver<ListGroupsResponse> observer) {
    Responder.respond(observer, () -> CompletableFuture.completedFuture(coordinator.listGroups()),
        e -> ListGroupsResponse.newBuilder().setError(Errors.from(e)).build());
  }

  @Override
  public void describeGroup(DescribeGroupRequest request, StreamObserver<DescribeGroupResponse> observer) {
    Responder.respond(observer, () -> CompletableFuture.completedFuture(coordinator.describe(request)),
        e -> DescribeGroupResponse.newBuilder().setError(Errors.from(e)).build());
  }

  @Override
  public void resetOffsets(ResetOffsetsRequest request, StreamObserver<ResetOffsetsResponse> observer) {
    Responder.respond(observer, () -> coordinator.reset(request),
        e -> ResetOffsetsResponse.newBuilder().setError(Errors.from(e)).build());
  }
}
