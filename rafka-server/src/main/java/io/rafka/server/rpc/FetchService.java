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
import java.util.concurrent.Executor;

/** gRPC binding of {@link FetchHandler}. */
final class FetchService extends FetchServiceGrpc.FetchServiceImplBase {
  private final FetchHandler handler;
  private final Executor diskWork;

  /** @param diskWork runs the reads, off the transport's event loop */
  FetchService(FetchHandler handler, Executor diskWork) {
    this.handler = handler;
    this.diskWork = diskWork;
  }

  @Override
  public void fetch(FetchRequest request, StreamObserver<FetchResponse> observer) {
    Responder.respond(observer, () -> CompletableFuture.supplyAsync(() -> handler.fetch(request), diskWork)
            .thenCompose(f -> f),
        e -> FetchResponse.newBuilder().setError(Errors.from(e)).build());
  }

  @Override
  public void listOffsets(ListOffsetsRequest request, StreamObserver<ListOffsetsResponse> observer) {
    Responder.respond(observer, () -> CompletableFuture.supplyAsync(() -> handler.listOffsets(request), diskWork),
        e -> ListOffsetsResponse.newBuilder().setError(Errors.from(e)).build());
  }
}
