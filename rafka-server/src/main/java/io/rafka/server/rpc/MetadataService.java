package io.rafka.server.rpc;

import io.grpc.stub.StreamObserver;
import io.rafka.proto.MetadataRequest;
import io.rafka.proto.MetadataResponse;
import io.rafka.proto.MetadataServiceGrpc;
import io.rafka.server.admin.MetadataView;
import io.rafka.server.errors.Errors;
import java.util.concurrent.CompletableFuture;

/** gRPC binding of {@link MetadataView}. */
final class MetadataService extends MetadataServiceGrpc.MetadataServiceImplBase {
  private final MetadataView view;

  MetadataService(MetadataView view) {
    this.view = view;
  }

  @Override
  public void getMetadata(MetadataRequest request, StreamObserver<MetadataResponse> observer) {
    Responder.respond(observer, () -> CompletableFuture.completedFuture(view.metadata(request)),
        e -> MetadataResponse.newBuilder().setError(Errors.from(e)).build());
  }
}
