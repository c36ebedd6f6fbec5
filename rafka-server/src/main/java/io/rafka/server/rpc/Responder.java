package io.rafka.server.rpc;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.rafka.server.errors.Errors;
import io.rafka.server.errors.ServerException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a handler's answer back over gRPC. An unexpected failure becomes the response's own error (built by
 * {@code onError}), so a client always gets a code and a message, and nothing a client sends can kill the
 * calling thread. Stateless and thread-safe.
 */
final class Responder {
  private static final Logger LOG = LoggerFactory.getLogger(Responder.class);

  private Responder() {}

  static <T> void respond(StreamObserver<T> observer, Supplier<CompletableFuture<T>> handler,
      Function<Throwable, T> onError) {
    CompletableFuture<T> future;
    try {
      future = handler.get();
    } catch (RuntimeException e) {
      future = CompletableFuture.failedFuture(e);
    }
    future.whenComplete((response, error) -> {
      T answer = response;
      if (error != null) {
        if (Errors.unwrap(error) instanceof ServerException) {
          LOG.debug("request refused: {}", error.toString());
        } else {
          LOG.warn("request failed unexpectedly", error);
        }
        try {
          answer = onError.apply(error);
        } catch (RuntimeException e) {
          observer.onError(Status.INTERNAL.withDescription(String.valueOf(error)).asRuntimeException());
          return;
        }
      }
      try {
        observer.onNext(answer);
        observer.onCompleted();
      } catch (RuntimeException e) {
        // The call was cancelled by the client while we worked: nothing left to tell it.
        LOG.debug("could not send a response: {}", e.toString());
      }
    });
  }
}
