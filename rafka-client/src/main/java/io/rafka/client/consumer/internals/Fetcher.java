package io.rafka.client.consumer.internals;

import io.rafka.client.CommonClientConfigs;
import io.rafka.client.consumer.ConsumerConfig;
import io.rafka.client.errors.OffsetOutOfRangeException;
import io.rafka.client.errors.RafkaException;
import io.rafka.client.errors.RetriableException;
import io.rafka.client.errors.ServerErrors;
import io.rafka.client.errors.TimeoutException;
import io.rafka.client.internals.Calls;
import io.rafka.client.internals.Channels;
import io.rafka.client.internals.ClusterView;
import io.rafka.client.internals.MetadataCache;
import io.rafka.client.internals.RecordBatches;
import io.rafka.common.TopicPartition;
import io.rafka.common.config.ConfigValues;
import io.rafka.proto.ErrorCode;
import io.rafka.proto.FetchPartition;
import io.rafka.proto.FetchPartitionResult;
import io.rafka.proto.FetchRequest;
import io.rafka.proto.FetchResponse;
import io.rafka.proto.FetchServiceGrpc;
import io.rafka.proto.ListOffsetsRequest;
import io.rafka.proto.ListOffsetsResponse;
import io.rafka.proto.PartitionBounds;
import io.rafka.proto.PartitionRef;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The consumer's fetching machinery: positions per assigned partition, long-poll fetches to each leader
 * (one request per node for all its partitions), decoding, and offset resets. Not thread-safe: owned by the
 * consumer's single thread.
 */
public final class Fetcher {
  /** What a reset moves a position to. */
  public enum ResetTo { EARLIEST, LATEST }

  private final MetadataCache metadata;
  private final Channels channels;
  private final Duration requestTimeout;
  private final String autoReset;
  private final int minBytes;
  private final int maxWaitMs;
  private final int maxBytes;
  private final int partitionMaxBytes;
  private final int maxPollRecords;
  private final Map<TopicPartition, Long> positions = new LinkedHashMap<>();
  private final Map<TopicPartition, Deque<RecordBatches.Decoded>> buffered = new LinkedHashMap<>();

  public Fetcher(ConfigValues config, MetadataCache metadata, Channels channels) {
    this.metadata = metadata;
    this.channels = channels;
    this.requestTimeout = Duration.ofMillis(config.get(CommonClientConfigs.REQUEST_TIMEOUT_MS));
    this.autoReset = config.get(ConsumerConfig.AUTO_OFFSET_RESET);
    this.minBytes = config.get(ConsumerConfig.FETCH_MIN_BYTES);
    this.maxWaitMs = config.get(ConsumerConfig.FETCH_MAX_WAIT_MS);
    this.maxBytes = config.get(ConsumerConfig.FETCH_MAX_BYTES);
    this.partitionMaxBytes = config.get(ConsumerConfig.MAX_PARTITION_FETCH_BYTES);
    this.maxPollRecords = config.get(ConsumerConfig.MAX_POLL_RECORDS);
  }

  public void assign(Collection<TopicPartition> partitions) {
    positions.keySet().retainAll(partitions);
    buffered.keySet().retainAll(partitions);
    partitions.forEach(tp -> positions.putIfAbsent(tp, null));
  }

  public java.util.Set<TopicPartition> assignment() {
    return java.util.Collections.unmodifiableSet(positions.keySet());
  }

  public void seek(TopicPartition tp, long offset) {
    requireAssigned(tp);
    if (offset < 0) {
      throw new IllegalArgumentException("seek offset must not be negative, was " + offset);
    }
    positions.put(tp, offset);
    buffered.remove(tp);
  }

  public void reset(Collection<TopicPartition> partitions, ResetTo to, Duration timeout) {
    partitions.forEach(this::requireAssigned);
    Map<TopicPartition, PartitionBounds> bounds = listOffsets(partitions, deadline(timeout));
    bounds.forEach((tp, b) -> {
      positions.put(tp, to == ResetTo.EARLIEST ? b.getLogStartOffset() : b.getHighWatermark());
      buffered.remove(tp);
    });
  }

  public long position(TopicPartition tp, Duration timeout) {
    requireAssigned(tp);
    if (positions.get(tp) == null) {
      resolveMissing(deadline(timeout));
    }
    Long p = positions.get(tp);
    if (p == null) {
      throw new TimeoutException("no position for " + tp + " within " + timeout.toMillis() + " ms");
    }
    return p;
  }

  /** Records from the positions on, at most max.poll.records, waiting up to {@code timeout} for some. */
  public Map<TopicPartition, List<RecordBatches.Decoded>> poll(Duration timeout) {
    long deadline = deadline(timeout);
    do {
      resolveMissing(deadline);
      if (hasBuffered()) {
        return drainBuffered();
      }
      fetchOnce(deadline);
      if (hasBuffered()) {
        return drainBuffered();
      }
    } while (System.nanoTime() < deadline);
    return Map.of();
  }

  private boolean hasBuffered() {
    return buffered.values().stream().anyMatch(d -> !d.isEmpty());
  }

  private Map<TopicPartition, List<RecordBatches.Decoded>> drainBuffered() {
    Map<TopicPartition, List<RecordBatches.Decoded>> out = new LinkedHashMap<>();
    int left = maxPollRecords;
    for (Map.Entry<TopicPartition, Deque<RecordBatches.Decoded>> e : buffered.entrySet()) {
      Deque<RecordBatches.Decoded> d = e.getValue();
      if (d.isEmpty() || left == 0) {
        continue;
      }
      List<RecordBatches.Decoded> taken = new ArrayList<>();
      while (!d.isEmpty() && left > 0) {
        taken.add(d.pollFirst());
        left--;
      }
      out.put(e.getKey(), taken);
    }
    buffered.values().removeIf(Deque::isEmpty);
    return out;
  }

  /** Gives every partition without a position one, by auto.offset.reset. */
  private void resolveMissing(long deadline) {
    List<TopicPartition> missing = positions.entrySet().stream().filter(e -> e.getValue() == null)
        .map(Map.Entry::getKey).toList();
    if (missing.isEmpty()) {
      return;
    }
    if (autoReset.equals("none")) {
      throw new RafkaException(ErrorCode.NONE, "no position for " + missing + " and auto.offset.reset is none");
    }
    Map<TopicPartition, PartitionBounds> bounds = listOffsets(missing, deadline);
    bounds.forEach((tp, b) -> positions.put(tp, autoReset.equals("earliest") ? b.getLogStartOffset()
        : b.getHighWatermark()));
  }

  private Map<TopicPartition, PartitionBounds> listOffsets(Collection<TopicPartition> partitions, long deadline) {
    Map<TopicPartition, PartitionBounds> out = new HashMap<>();
    List<TopicPartition> left = new ArrayList<>(partitions);
    while (!left.isEmpty()) {
      ClusterView view = view(deadline);
      Map<String, List<TopicPartition>> byNode = groupByLeader(view, left);
      List<CompletableFuture<ListOffsetsResponse>> calls = new ArrayList<>();
      for (Map.Entry<String, List<TopicPartition>> e : byNode.entrySet()) {
        ListOffsetsRequest.Builder r = ListOffsetsRequest.newBuilder();
        e.getValue().forEach(tp -> r.addPartitions(PartitionRef.newBuilder().setTopic(tp.topic())
            .setPartition(tp.partition())));
        calls.add(Calls.unary(FetchServiceGrpc.newStub(channels.get(e.getKey()))
            .withDeadlineAfter(requestTimeout.toMillis(), TimeUnit.MILLISECONDS)::listOffsets, r.build(), e.getKey()));
      }
      for (CompletableFuture<ListOffsetsResponse> call : calls) {
        ListOffsetsResponse response = await(call, deadline);
        if (response == null) {
          continue;
        }
        for (PartitionBounds b : response.getPartitionsList()) {
          TopicPartition tp = new TopicPartition(b.getTopic(), b.getPartition());
          if (b.getError().getCode() == ErrorCode.NONE) {
            out.put(tp, b);
          } else {
            RafkaException e = ServerErrors.toException(b.getError());
            if (!(e instanceof RetriableException)) {
              throw e;
            }
            metadata.refresh();
          }
        }
      }
      left.removeIf(out::containsKey);
      if (!left.isEmpty()) {
        if (System.nanoTime() >= deadline) {
          throw new TimeoutException("could not get the offsets of " + left + " in time");
        }
        sleepQuietly(100);
      }
    }
    return out;
  }

  private void fetchOnce(long deadline) {
    ClusterView view = view(deadline);
    List<TopicPartition> wanted = positions.entrySet().stream()
        .filter(e -> e.getValue() != null && !buffered.containsKey(e.getKey())).map(Map.Entry::getKey).toList();
    Map<String, List<TopicPartition>> byNode = groupByLeader(view, wanted);
    if (byNode.isEmpty()) {
      sleepQuietly(Math.min(100, remainingMs(deadline)));
      return;
    }
    int waitMs = (int) Math.max(0, Math.min(maxWaitMs, remainingMs(deadline)));
    Map<String, CompletableFuture<FetchResponse>> calls = new LinkedHashMap<>();
    Map<TopicPartition, Long> requested = new HashMap<>();
    for (Map.Entry<String, List<TopicPartition>> e : byNode.entrySet()) {
      FetchRequest.Builder r = FetchRequest.newBuilder().setMaxWaitMs(waitMs).setMinBytes(minBytes)
          .setMaxBytes(maxBytes);
      for (TopicPartition tp : e.getValue()) {
        long position = positions.get(tp);
        requested.put(tp, position);
        r.addPartitions(FetchPartition.newBuilder().setTopic(tp.topic()).setPartition(tp.partition())
            .setOffset(position).setMaxBytes(partitionMaxBytes));
      }
      calls.put(e.getKey(), Calls.unary(FetchServiceGrpc.newStub(channels.get(e.getKey()))
          .withDeadlineAfter(waitMs + requestTimeout.toMillis(), TimeUnit.MILLISECONDS)::fetch, r.build(), e.getKey()));
    }
    for (CompletableFuture<FetchResponse> call : calls.values()) {
      FetchResponse response = await(call, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs)
          + requestTimeout.toNanos());
      if (response == null) {
        continue;
      }
      if (response.getError().getCode() != ErrorCode.NONE) {
        throw ServerErrors.toException(response.getError());
      }
      for (FetchPartitionResult r : response.getPartitionsList()) {
        accept(new TopicPartition(r.getTopic(), r.getPartition()), r, requested);
      }
    }
  }

  private void accept(TopicPartition tp, FetchPartitionResult r, Map<TopicPartition, Long> requested) {
    Long asked = requested.get(tp);
    if (asked == null || !asked.equals(positions.get(tp))) {
      return; // sought elsewhere (or unassigned) while the fetch was out
    }
    ErrorCode code = r.getError().getCode();
    if (code == ErrorCode.NONE) {
      List<RecordBatches.Decoded> records = RecordBatches.decode(r.getRecords(), asked);
      if (!records.isEmpty()) {
        buffered.computeIfAbsent(tp, k -> new ArrayDeque<>()).addAll(records);
        positions.put(tp, records.get(records.size() - 1).offset() + 1);
      }
      return;
    }
    if (code == ErrorCode.OFFSET_OUT_OF_RANGE) {
      if (autoReset.equals("none")) {
        throw new OffsetOutOfRangeException("position " + asked + " of " + tp + " is outside the log ["
            + r.getLogStartOffset() + ", " + r.getHighWatermark() + "] and auto.offset.reset is none",
            r.getLogStartOffset(), r.getHighWatermark());
      }
      positions.put(tp, autoReset.equals("earliest") || asked < r.getLogStartOffset()
          ? r.getLogStartOffset() : r.getHighWatermark());
      return;
    }
    RafkaException e = ServerErrors.toException(r.getError());
    if (!(e instanceof RetriableException)) {
      throw e;
    }
    metadata.refresh();
  }

  private Map<String, List<TopicPartition>> groupByLeader(ClusterView view, Collection<TopicPartition> partitions) {
    Map<String, List<TopicPartition>> byNode = new LinkedHashMap<>();
    boolean missing = false;
    for (TopicPartition tp : partitions) {
      int leader = view.leader(tp.topic(), tp.partition());
      Optional<String> address = leader < 0 ? Optional.empty() : view.address(leader);
      if (address.isEmpty()) {
        missing = true;
        continue;
      }
      byNode.computeIfAbsent(address.get(), a -> new ArrayList<>()).add(tp);
    }
    if (missing) {
      metadata.refresh();
    }
    return byNode;
  }

  private ClusterView view(long deadline) {
    if (metadata.ageNanos() > TimeUnit.MINUTES.toNanos(5) || metadata.current().epoch() < 0) {
      try {
        metadata.refresh().get(Math.max(1, remainingMs(deadline)), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RafkaException("interrupted", e);
      } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
        // Use what we have; the caller retries until its deadline.
      }
    }
    return metadata.current();
  }

  private <T> T await(CompletableFuture<T> call, long deadline) {
    try {
      return call.get(Math.max(1, remainingMs(deadline)), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RafkaException("interrupted", e);
    } catch (ExecutionException e) {
      RafkaException failure = MetadataCache.unwrap(e);
      if (!(failure instanceof RetriableException)) {
        throw failure;
      }
      metadata.refresh();
      return null;
    } catch (java.util.concurrent.TimeoutException e) {
      return null;
    }
  }

  private void requireAssigned(TopicPartition tp) {
    if (!positions.containsKey(tp)) {
      throw new IllegalStateException(tp + " is not assigned to this consumer");
    }
  }

  private static long deadline(Duration timeout) {
    return System.nanoTime() + Math.min(timeout.toNanos(), TimeUnit.DAYS.toNanos(365));
  }

  private static long remainingMs(long deadline) {
    return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(Math.max(1, ms));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RafkaException("interrupted", e);
    }
  }
}
