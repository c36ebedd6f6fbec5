package io.rafka.server.rpc;

import io.grpc.stub.StreamObserver;
import io.rafka.proto.FetchRequest;
import io.rafka.proto.FetchResponse;
import io.rafka.proto.FetchServiceGrpc;
import io.rafka.proto.ListOffsetsRequest;
import io.rafka.proto.ListOffsetsResponse;
import io.rafka.server.errors.Errors;
import io.rafka.server.fetch.FetchHandler;
import java.util.concurrent.CompletableFuture;

/** gRPC binding of {@link FetchHandler}. */
final class FetchService extends FetchServiceGrpc.FetchServiceImplBase {
  private final FetchHandler handler;

  FetchService(FetchHandler handler) {
    this.handler = handler;
  }

  @Override
  public void fetch(FetchRequest request, StreamObserver<FetchResponse> observer) {
    Responder.respond(observer, () -> handler.fetch(request),
        e -> FetchResponse.newBuilder().setError(Errors.from(e)).build());
  }

  @Override
  public void listOffsets(ListOffsetsRequest request, StreamObserver<ListOffsetsResponse> observer) {
    Responder.respond(observer, () -> CompletableFuture.completedFuture(handler.listOffsets(request)),
        e -> ListOffsetsResponse.newBuilder().setError(Errors.from(e)).build());
  }
}
