package io.rafka.client.internals;

import io.rafka.client.errors.NetworkException;
import io.rafka.client.errors.RafkaException;
import io.rafka.client.errors.ServerErrors;
import io.rafka.client.errors.TimeoutException;
import io.rafka.proto.Error;
import io.rafka.proto.ErrorCode;
import io.rafka.proto.FindCoordinatorRequest;
import io.rafka.proto.FindCoordinatorResponse;
import io.rafka.proto.GroupServiceGrpc;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Sends a consumer group's requests to its coordinator: finds the coordinator through any node, and when it
 * moves (NOT_COORDINATOR, COORDINATOR_NOT_AVAILABLE, a node that stopped answering) finds it again and
 * retries with backoff until the request's deadline. Other errors come back to the caller as they are.
 * Thread-safe.
 */
public final class CoordinatorClient implements AutoCloseable {
  private final String groupId;
  private final MetadataCache metadata;
  private final Channels channels;
  private final Duration requestTimeout;
  private final Backoff backoff;
  private final ScheduledExecutorService retries;
  private volatile String coordinator;

  public CoordinatorClient(String groupId, MetadataCache metadata, Channels channels, Duration requestTimeout,
      Backoff backoff) {
    this.groupId = groupId;
    this.metadata = metadata;
    this.channels = channels;
    this.requestTimeout = requestTimeout;
    this.backoff = backoff;
    this.retries = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "rafka-group-" + groupId + "-retry");
      t.setDaemon(true);
      return t;
    });
  }

  public String groupId() {
    return groupId;
  }

  /**
   * Sends one request to the coordinator, retrying coordinator moves until {@code deadlineNanos}.
   *
   * @param errorOf the response's error field
   */
  public <Q, R> CompletableFuture<R> call(BiFunction<GroupServiceGrpc.GroupServiceStub, Q, CompletableFuture<R>> rpc,
      Q request, Function<R, Error> errorOf, long deadlineNanos) {
    return attempt(rpc, request, errorOf, deadlineNanos, 0);
  }

  private <Q, R> CompletableFuture<R> attempt(BiFunction<GroupServiceGrpc.GroupServiceStub, Q, CompletableFuture<R>> rpc,
      Q request, Function<R, Error> errorOf, long deadlineNanos, int attempt) {
    return coordinator(deadlineNanos).thenCompose(address -> rpc.apply(GroupServiceGrpc.newStub(channels.get(address))
            .withDeadlineAfter(requestTimeout.toMillis(), TimeUnit.MILLISECONDS), request)
        .handle((response, error) -> {
          RafkaException failure = null;
          if (error != null) {
            failure = MetadataCache.unwrap(error);
          } else if (errorOf.apply(response).getCode() != ErrorCode.NONE) {
            failure = ServerErrors.toException(errorOf.apply(response));
          }
          if (failure == null) {
            return CompletableFuture.completedFuture(response);
          }
          boolean moved = failure instanceof NetworkException || failure.code() == ErrorCode.NOT_COORDINATOR
              || failure.code() == ErrorCode.COORDINATOR_NOT_AVAILABLE || failure instanceof TimeoutException;
          if (!moved) {
            return CompletableFuture.<R>failedFuture(failure);
          }
          coordinator = null;
          return retryLater(() -> attempt(rpc, request, errorOf, deadlineNanos, attempt + 1), attempt, deadlineNanos,
              failure);
        }).thenCompose(f -> f));
  }

  /** The coordinator's address, finding it if needed. */
  private CompletableFuture<String> coordinator(long deadlineNanos) {
    String known = coordinator;
    return known != null ? CompletableFuture.completedFuture(known) : find(deadlineNanos, 0);
  }

  private CompletableFuture<String> find(long deadlineNanos, int attempt) {
    String node = metadata.anyAddress();
    return Calls.unary(GroupServiceGrpc.newStub(channels.get(node))
            .withDeadlineAfter(requestTimeout.toMillis(), TimeUnit.MILLISECONDS)::findCoordinator,
        FindCoordinatorRequest.newBuilder().setGroupId(groupId).build(), node)
        .handle((FindCoordinatorResponse r, Throwable e) -> {
          RafkaException failure = e != null ? MetadataCache.unwrap(e)
              : r.getError().getCode() != ErrorCode.NONE ? ServerErrors.toException(r.getError()) : null;
          if (failure == null) {
            coordinator = r.getAddress();
            return CompletableFuture.completedFuture(r.getAddress());
          }
          if (!(failure instanceof io.rafka.client.errors.RetriableException)) {
            return CompletableFuture.<String>failedFuture(failure);
          }
          if (failure instanceof NetworkException) {
            metadata.refresh();
          }
          return retryLater(() -> find(deadlineNanos, attempt + 1), attempt, deadlineNanos, failure);
        }).thenCompose(f -> f);
  }

  private <T> CompletableFuture<T> retryLater(java.util.function.Supplier<CompletableFuture<T>> next, int attempt,
      long deadlineNanos, RafkaException cause) {
    long delayMs = backoff.delayMs(attempt);
    if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMs) >= deadlineNanos || retries.isShutdown()) {
      return CompletableFuture.failedFuture(new TimeoutException("group " + groupId
          + ": the coordinator did not answer in time; last error: " + cause.getMessage(), cause));
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    retries.schedule(() -> next.get().whenComplete((v, e) -> {
      if (e != null) {
        result.completeExceptionally(MetadataCache.unwrap(e));
      } else {
        result.complete(v);
      }
    }), delayMs, TimeUnit.MILLISECONDS);
    return result;
  }

  @Override
  public void close() {
    retries.shutdownNow();
  }
}
