package io.rafka.client.internals;

import io.rafka.client.errors.NetworkException;
import io.rafka.client.errors.RafkaException;
import io.rafka.client.errors.RetriableException;
import io.rafka.proto.ErrorCode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Sends requests that every node can answer: to any node, and after a transient failure (a node that does
 * not answer, a metadata group without a leader) to another one, with backoff, until the request's deadline.
 * Every other failure comes back to the caller as it is. Thread-safe; close it to stop pending retries.
 */
public final class AnyNodeCaller implements AutoCloseable {
  private final MetadataCache metadata;
  private final Backoff backoff;
  private final ScheduledExecutorService retries;

  public AnyNodeCaller(MetadataCache metadata, Backoff backoff, String threadName) {
    this.metadata = metadata;
    this.backoff = backoff;
    this.retries = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Runs {@code attempt} with a node's client address until it succeeds, fails for good, or
   * {@code deadlineNanos} (a {@link System#nanoTime()} instant) has passed.
   */
  public <R> CompletableFuture<R> call(Function<String, CompletableFuture<R>> attempt, long deadlineNanos) {
    return call(attempt, 0, deadlineNanos);
  }

  private <R> CompletableFuture<R> call(Function<String, CompletableFuture<R>> attempt, int n, long deadline) {
    String address = metadata.anyAddress();
    return attempt.apply(address).handle((r, e) -> {
      if (e == null) {
        return CompletableFuture.completedFuture(r);
      }
      RafkaException failure = MetadataCache.unwrap(e);
      if (!isTransient(failure) || System.nanoTime() >= deadline) {
        return CompletableFuture.<R>failedFuture(failure);
      }
      metadata.refresh();
      CompletableFuture<R> next = new CompletableFuture<>();
      retries.schedule(() -> call(attempt, n + 1, deadline).whenComplete((v, x) -> {
        if (x != null) {
          next.completeExceptionally(MetadataCache.unwrap(x));
        } else {
          next.complete(v);
        }
      }), backoff.delayMs(n), TimeUnit.MILLISECONDS);
      return next;
    }).thenCompose(f -> f);
  }

  /** A failure another node (or the same one a little later) may not have. */
  private static boolean isTransient(RafkaException failure) {
    return failure instanceof NetworkException
        || (failure instanceof RetriableException re && re.code() == ErrorCode.METADATA_UNAVAILABLE);
  }

  @Override
  public void close() {
    retries.shutdownNow();
  }
}
