package io.rafka.client.internals;

import io.rafka.client.errors.NetworkException;
import io.rafka.client.errors.RafkaException;
import io.rafka.client.errors.ServerErrors;
import io.rafka.proto.ErrorCode;
import io.rafka.proto.MetadataRequest;
import io.rafka.proto.MetadataResponse;
import io.rafka.proto.MetadataServiceGrpc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The client's view of the cluster: asks any node it knows (the bootstrap list first, then the nodes
 * metadata told it about) and keeps the newest answer. Concurrent refreshes share one request.
 * Thread-safe.
 */
public final class MetadataCache {
  private final List<String> bootstrap;
  private final Channels channels;
  private final Duration requestTimeout;
  private final AtomicReference<ClusterView> current = new AtomicReference<>(ClusterView.EMPTY);
  private final AtomicReference<CompletableFuture<ClusterView>> inFlight = new AtomicReference<>();
  private volatile long refreshedAtNanos;

  public MetadataCache(List<String> bootstrap, Channels channels, Duration requestTimeout) {
    if (bootstrap.isEmpty()) {
      throw new IllegalArgumentException("bootstrap.servers must name at least one host:port");
    }
    this.bootstrap = List.copyOf(bootstrap);
    this.channels = channels;
    this.requestTimeout = requestTimeout;
  }

  public ClusterView current() {
    return current.get();
  }

  /** Nanoseconds since the last successful refresh (Long.MAX_VALUE if never). */
  public long ageNanos() {
    return refreshedAtNanos == 0 ? Long.MAX_VALUE : System.nanoTime() - refreshedAtNanos;
  }

  /** Fetches fresh metadata; callers arriving while a refresh runs get that refresh's answer. */
  public CompletableFuture<ClusterView> refresh() {
    CompletableFuture<ClusterView> mine = new CompletableFuture<>();
    CompletableFuture<ClusterView> existing = inFlight.compareAndExchange(null, mine);
    if (existing != null) {
      return existing;
    }
    List<String> targets = new ArrayList<>(candidates());
    tryNext(targets, 0, null).whenComplete((view, e) -> {
      inFlight.set(null);
      if (e != null) {
        mine.completeExceptionally(e);
      } else {
        mine.complete(view);
      }
    });
    return mine;
  }

  private Set<String> candidates() {
    Set<String> targets = new LinkedHashSet<>(current.get().addresses().values());
    targets.addAll(bootstrap);
    List<String> shuffled = new ArrayList<>(targets);
    java.util.Collections.shuffle(shuffled);
    return new LinkedHashSet<>(shuffled);
  }

  private CompletableFuture<ClusterView> tryNext(List<String> targets, int i, Throwable last) {
    if (i >= targets.size()) {
      return CompletableFuture.failedFuture(new NetworkException("no node answered a metadata request (tried "
          + targets + ")", last));
    }
    String target = targets.get(i);
    MetadataServiceGrpc.MetadataServiceStub stub = MetadataServiceGrpc.newStub(channels.get(target))
        .withDeadlineAfter(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
    return Calls.unary(stub::getMetadata, MetadataRequest.getDefaultInstance(), target)
        .thenApply(this::accept)
        .handle((view, e) -> e == null ? CompletableFuture.completedFuture(view) : tryNext(targets, i + 1, e))
        .thenCompose(f -> f);
  }

  private ClusterView accept(MetadataResponse response) {
    if (response.getError().getCode() != ErrorCode.NONE) {
      throw ServerErrors.toException(response.getError());
    }
    ClusterView view = ClusterView.of(response);
    current.accumulateAndGet(view, (old, fresh) -> fresh.epoch() >= old.epoch() ? fresh : old);
    refreshedAtNanos = System.nanoTime();
    return current.get();
  }

  /** Any address to send a request that every node can answer. */
  public String anyAddress() {
    List<String> known = new ArrayList<>(current.get().addresses().values());
    if (known.isEmpty()) {
      known = bootstrap;
    }
    return known.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(known.size()));
  }

  /** Throws the exception for a failed future's cause, unwrapped. */
  public static RafkaException unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof java.util.concurrent.CompletionException
        || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t instanceof RafkaException re ? re : new RafkaException("unexpected client failure: " + t, t);
  }
}
