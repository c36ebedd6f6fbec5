package io.rafka.server.rpc;

import io.grpc.stub.StreamObserver;
import io.rafka.proto.AdminServiceGrpc;
import io.rafka.proto.CreateTopicRequest;
import io.rafka.proto.CreateTopicResponse;
import io.rafka.proto.DeleteTopicRequest;
import io.rafka.proto.DeleteTopicResponse;
import io.rafka.proto.DescribeTopicRequest;
import io.rafka.proto.DescribeTopicResponse;
import io.rafka.proto.ListTopicsRequest;
import io.rafka.proto.ListTopicsResponse;
import io.rafka.server.admin.TopicAdmin;
import io.rafka.server.errors.Errors;
import java.util.concurrent.CompletableFuture;

/** gRPC binding of {@link TopicAdmin}. */
final class AdminService extends AdminServiceGrpc.AdminServiceImplBase {
  private final TopicAdmin admin;

  AdminService(TopicAdmin admin) {
    this.admin = admin;
  }

  @Override
  public void createTopic(CreateTopicRequest request, StreamObserver<CreateTopicResponse> observer) {
    Responder.respond(observer, () -> admin.create(request),
        e -> CreateTopicResponse.newBuilder().setError(Errors.from(e)).build());
  }

  @Override
  public void deleteTopic(DeleteTopicRequest request, StreamObserver<DeleteTopicResponse> observer) {
    Responder.respond(observer, () -> admin.delete(request),
        e -> DeleteTopicResponse.newBuilder().setError(Errors.from(e)).build());
  }

  @Override
  public void listTopics(ListTopicsRequest request, StreamObserver<ListTopicsResponse> observer) {
    Responder.respond(observer, () -> CompletableFuture.completedFuture(admin.list(request)),
        e -> ListTopicsResponse.newBuilder().setError(Errors.from(e)).build());
  }

  @Override
  public void describeTopic(DescribeTopicRequest request, StreamObserver<DescribeTopicResponse> observer) {
    Responder.respond(observer, () -> CompletableFuture.completedFuture(admin.describe(request)),
        e -> DescribeTopicResponse.newBuilder().setError(Errors.from(e)).build());
  }
}
