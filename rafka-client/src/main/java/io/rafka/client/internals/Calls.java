package io.rafka.client.internals;

import io.grpc.stub.StreamObserver;
import io.rafka.client.errors.ServerErrors;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/** Adapts gRPC async calls to futures, mapping transport failures to client exceptions. Stateless. */
public final class Calls {
  private Calls() {}

  /** Runs {@code call(request, observer)} and completes with the single response. */
  public static <Q, R> CompletableFuture<R> unary(BiConsumer<Q, StreamObserver<R>> call, Q request, String target) {
    CompletableFuture<R> future = new CompletableFuture<>();
    try {
      call.accept(request, new StreamObserver<R>() {
        @Override
        public void onNext(R value) {
          future.complete(value);
        }

        @Override
        public void onError(Throwable t) {
          future.completeExceptionally(ServerErrors.fromTransport(t, target));
        }

        @Override
        public void onCompleted() {
          if (!future.isDone()) {
            future.completeExceptionally(ServerErrors.fromTransport(
                new IllegalStateException("no response"), target));
          }
        }
      });
    } catch (RuntimeException e) {
      future.completeExceptionally(ServerErrors.fromTransport(e, target));
    }
    return future;
  }
}
