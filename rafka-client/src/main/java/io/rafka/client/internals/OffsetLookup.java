package io.rafka.client.internals;

import io.rafka.client.errors.RafkaException;
import io.rafka.client.errors.RetriableException;
import io.rafka.client.errors.ServerErrors;
import io.rafka.client.errors.TimeoutException;
import io.rafka.common.TopicPartition;
import io.rafka.proto.ErrorCode;
import io.rafka.proto.FetchServiceGrpc;
import io.rafka.proto.ListOffsetsRequest;
import io.rafka.proto.ListOffsetsResponse;
import io.rafka.proto.PartitionBounds;
import io.rafka.proto.PartitionRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Asks partitions' leaders for their log start offset and high watermark (and, with a timestamp, the offset
 * for it), one request per leader, refreshing metadata and retrying what a retry can cure until a deadline.
 * Thread-safe.
 */
public final class OffsetLookup {
  private final MetadataCache metadata;
  private final Channels channels;
  private final Duration requestTimeout;

  public OffsetLookup(MetadataCache metadata, Channels channels, Duration requestTimeout) {
    this.metadata = metadata;
    this.channels = channels;
    this.requestTimeout = requestTimeout;
  }

  /** Bounds of every partition; fails with the first fatal error, or a TimeoutException at the deadline. */
  public CompletableFuture<Map<TopicPartition, PartitionBounds>> lookup(Collection<TopicPartition> partitions,
      Long timestamp, long deadlineNanos) {
    return round(new ArrayList<>(partitions), timestamp, deadlineNanos, new HashMap<>());
  }

  private CompletableFuture<Map<TopicPartition, PartitionBounds>> round(List<TopicPartition> left, Long timestamp,
      long deadlineNanos, Map<TopicPartition, PartitionBounds> found) {
    if (left.isEmpty()) {
      return CompletableFuture.completedFuture(found);
    }
    CompletableFuture<Void> refreshed = metadata.current().epoch() < 0
        ? metadata.refresh().handle((v, e) -> null) : CompletableFuture.completedFuture(null);
    return refreshed.thenCompose(v -> {
      List<CompletableFuture<Void>> calls = new ArrayList<>();
      for (Map.Entry<String, List<TopicPartition>> e : byLeader(left).entrySet()) {
        ListOffsetsRequest.Builder r = ListOffsetsRequest.newBuilder();
        if (timestamp != null) {
          r.setTimestamp(timestamp);
        }
        e.getValue().forEach(tp -> r.addPartitions(PartitionRef.newBuilder().setTopic(tp.topic())
            .setPartition(tp.partition())));
        calls.add(Calls.unary(FetchServiceGrpc.newStub(channels.get(e.getKey()))
                .withDeadlineAfter(requestTimeout.toMillis(), TimeUnit.MILLISECONDS)::listOffsets, r.build(), e.getKey())
            .handle((ListOffsetsResponse response, Throwable error) -> {
              accept(response, error, found);
              return null;
            }));
      }
      return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new));
    }).thenCompose(v -> {
      List<TopicPartition> still = left.stream().filter(tp -> !found.containsKey(tp)).toList();
      if (still.isEmpty()) {
        return CompletableFuture.completedFuture(found);
      }
      if (System.nanoTime() >= deadlineNanos) {
        return CompletableFuture.failedFuture(new TimeoutException("could not get the offsets of " + still
            + " in time"));
      }
      Executor later = CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS);
      return CompletableFuture.supplyAsync(() -> null, later)
          .thenCompose(x -> round(still, timestamp, deadlineNanos, found));
    });
  }

  private synchronized void accept(ListOffsetsResponse response, Throwable error,
      Map<TopicPartition, PartitionBounds> found) {
    if (error != null) {
      RafkaException failure = MetadataCache.unwrap(error);
      if (!(failure instanceof RetriableException)) {
        throw failure;
      }
      metadata.refresh();
      return;
    }
    if (response.getError().getCode() != ErrorCode.NONE) {
      throw ServerErrors.toException(response.getError());
    }
    for (PartitionBounds b : response.getPartitionsList()) {
      if (b.getError().getCode() == ErrorCode.NONE) {
        found.put(new TopicPartition(b.getTopic(), b.getPartition()), b);
      } else {
        RafkaException e = ServerErrors.toException(b.getError());
        if (!(e instanceof RetriableException)) {
          throw e;
        }
        metadata.refresh();
      }
    }
  }

  private Map<String, List<TopicPartition>> byLeader(Collection<TopicPartition> partitions) {
    ClusterView view = metadata.current();
    Map<String, List<TopicPartition>> byNode = new LinkedHashMap<>();
    boolean missing = false;
    for (TopicPartition tp : partitions) {
      int leader = view.leader(tp.topic(), tp.partition());
      Optional<String> address = leader < 0 ? Optional.empty() : view.address(leader);
      if (address.isEmpty()) {
        missing = true;
      } else {
        byNode.computeIfAbsent(address.get(), a -> new ArrayList<>()).add(tp);
      }
    }
    if (missing) {
      metadata.refresh();
    }
    return byNode;
  }
}
