package io.rafka.client.consumer.internals;

import io.rafka.client.CommonClientConfigs;
import io.rafka.client.consumer.ConsumerConfig;
import io.rafka.client.errors.OffsetOutOfRangeException;
import io.rafka.client.errors.RafkaException;
import io.rafka.client.errors.RetriableException;
import io.rafka.client.errors.ServerErrors;
import io.rafka.client.errors.TimeoutException;
import io.rafka.client.errors.WakeupException;
import io.rafka.client.internals.Calls;
import io.rafka.client.internals.Channels;
import io.rafka.client.internals.ClusterView;
import io.rafka.client.internals.MetadataCache;
import io.rafka.client.internals.OffsetLookup;
import io.rafka.client.internals.RecordBatches;
import io.rafka.common.TopicPartition;
import io.rafka.common.config.ConfigValues;
import io.rafka.proto.ErrorCode;
import io.rafka.proto.FetchPartition;
import io.rafka.proto.FetchPartitionResult;
import io.rafka.proto.FetchRequest;
import io.rafka.proto.FetchResponse;
import io.rafka.proto.FetchServiceGrpc;
import io.rafka.proto.PartitionBounds;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The consumer's fetching machinery: a position per assigned partition, one long-poll fetch in flight per
 * node for all its partitions (sent again as soon as one returns, so the next records are on their way
 * while the application works on the last ones), decoding, pause/resume and offset resets.
 *
 * <p>Not thread-safe: owned by the consumer's thread, except {@link #wakeup()}, which any thread may call.
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
  private final Set<TopicPartition> paused = new HashSet<>();
  private final Map<TopicPartition, Deque<RecordBatches.Decoded>> buffered = new LinkedHashMap<>();
  private final Map<String, InFlight> inFlight = new HashMap<>();
  /** Partitions whose last fetch failed with a retriable error, and when to fetch them again. */
  private final Map<TopicPartition, Long> retryAt = new HashMap<>();
  private final long retryBackoffNanos;
  private final OffsetLookup offsets;
  /** Each partition's high watermark as its last fetch answered. */
  private final Map<TopicPartition, Long> highWatermarks = new HashMap<>();
  private final ConsumerMetrics metrics;
  private volatile CompletableFuture<Void> wakeup = new CompletableFuture<>();

  /** A fetch sent to one node at {@code sentNanos}, with the positions it asked for. */
  private record InFlight(CompletableFuture<FetchResponse> response, Map<TopicPartition, Long> asked,
      long sentNanos) {}

  public Fetcher(ConfigValues config, MetadataCache metadata, Channels channels, ConsumerMetrics metrics) {
    this.metrics = metrics;
    this.metadata = metadata;
    this.channels = channels;
    this.requestTimeout = Duration.ofMillis(config.get(CommonClientConfigs.REQUEST_TIMEOUT_MS));
    this.autoReset = config.get(ConsumerConfig.AUTO_OFFSET_RESET);
    this.minBytes = config.get(ConsumerConfig.FETCH_MIN_BYTES);
    this.maxWaitMs = config.get(ConsumerConfig.FETCH_MAX_WAIT_MS);
    this.maxBytes = config.get(ConsumerConfig.FETCH_MAX_BYTES);
    this.partitionMaxBytes = config.get(ConsumerConfig.MAX_PARTITION_FETCH_BYTES);
    this.maxPollRecords = config.get(ConsumerConfig.MAX_POLL_RECORDS);
    this.offsets = new OffsetLookup(metadata, channels, requestTimeout);
    this.retryBackoffNanos = TimeUnit.MILLISECONDS.toNanos(config.get(CommonClientConfigs.RETRY_BACKOFF_MS));
  }

  // ---------------------------------------------------------------- assignment and positions

  /** Reads exactly these partitions; positions of partitions kept stay, new ones start without one. */
  public void assign(Collection<TopicPartition> partitions) {
    Set<TopicPartition> keep = new HashSet<>(partitions);
    positions.keySet().retainAll(keep);
    buffered.keySet().retainAll(keep);
    paused.retainAll(keep);
    highWatermarks.keySet().retainAll(keep);
    partitions.forEach(tp -> positions.putIfAbsent(tp, null));
    metrics.assignedPartitions(positions.size());
  }

  public Set<TopicPartition> assignment() {
    return Collections.unmodifiableSet(positions.keySet());
  }

  /** Positions that are known (partitions still waiting for a reset are left out). */
  public Map<TopicPartition, Long> knownPositions() {
    Map<TopicPartition, Long> out = new LinkedHashMap<>();
    positions.forEach((tp, p) -> {
      if (p != null) {
        out.put(tp, p);
      }
    });
    return out;
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
    listOffsets(partitions, deadline(timeout)).forEach((tp, b) -> {
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

  public void pause(Collection<TopicPartition> partitions) {
    partitions.forEach(this::requireAssigned);
    paused.addAll(partitions);
  }

  public void resume(Collection<TopicPartition> partitions) {
    paused.removeAll(partitions);
  }

  public Set<TopicPartition> paused() {
    return Collections.unmodifiableSet(paused);
  }

  /** Makes the current or next blocking call throw {@link WakeupException}. Any thread. */
  public void wakeup() {
    wakeup.complete(null);
  }

  // ---------------------------------------------------------------- polling

  /** Records from the positions on, at most max.poll.records, waiting up to {@code timeout} for some. */
  public Map<TopicPartition, List<RecordBatches.Decoded>> poll(Duration timeout) {
    long deadline = deadline(timeout);
    while (true) {
      checkWakeup();
      resolveMissing(deadline);
      collectCompleted();
      sendFetches();
      if (hasBuffered()) {
        Map<TopicPartition, List<RecordBatches.Decoded>> records = drainBuffered();
        updateLag();
        return records;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        updateLag();
        return Map.of();
      }
      awaitAny(left);
    }
  }

  /** The records-lag-max metric: positions against the high watermarks last fetched. */
  private void updateLag() {
    long max = 0;
    for (Map.Entry<TopicPartition, Long> e : positions.entrySet()) {
      Long hw = highWatermarks.get(e.getKey());
      if (hw != null && e.getValue() != null) {
        max = Math.max(max, hw - e.getValue());
      }
    }
    metrics.recordsLagMax(max);
  }

  private void checkWakeup() {
    if (wakeup.isDone()) {
      wakeup = new CompletableFuture<>();
      throw new WakeupException();
    }
  }

  private void awaitAny(long nanos) {
    List<CompletableFuture<?>> waits = new ArrayList<>();
    inFlight.values().forEach(f -> waits.add(f.response));
    waits.add(wakeup);
    try {
      CompletableFuture.anyOf(waits.toArray(CompletableFuture[]::new))
          .get(Math.min(nanos, inFlight.isEmpty() ? TimeUnit.MILLISECONDS.toNanos(100) : nanos), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RafkaException("interrupted", e);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      // A failed fetch is handled when collected; a timeout just means nothing came yet.
    }
  }

  private boolean hasBuffered() {
    for (Map.Entry<TopicPartition, Deque<RecordBatches.Decoded>> e : buffered.entrySet()) {
      if (!e.getValue().isEmpty() && !paused.contains(e.getKey())) {
        return true;
      }
    }
    return false;
  }

  private Map<TopicPartition, List<RecordBatches.Decoded>> drainBuffered() {
    Map<TopicPartition, List<RecordBatches.Decoded>> out = new LinkedHashMap<>();
    int left = maxPollRecords;
    for (Map.Entry<TopicPartition, Deque<RecordBatches.Decoded>> e : buffered.entrySet()) {
      Deque<RecordBatches.Decoded> d = e.getValue();
      if (d.isEmpty() || left == 0 || paused.contains(e.getKey())) {
        continue;
      }
      List<RecordBatches.Decoded> taken = new ArrayList<>();
      while (!d.isEmpty() && left > 0) {
        taken.add(d.pollFirst());
        left--;
      }
      out.put(e.getKey(), taken);
      positions.put(e.getKey(), taken.get(taken.size() - 1).offset() + 1);
    }
    buffered.values().removeIf(Deque::isEmpty);
    return out;
  }

  /** Sends a fetch to every node that has none in flight, for its partitions that need records. */
  private void sendFetches() {
    ClusterView view = metadata.current();
    List<TopicPartition> wanted = new ArrayList<>();
    Set<TopicPartition> asked = new HashSet<>();
    inFlight.values().forEach(f -> asked.addAll(f.asked.keySet()));
    long now = System.nanoTime();
    retryAt.values().removeIf(at -> at - now <= 0);
    positions.forEach((tp, p) -> {
      if (p != null && !paused.contains(tp) && !buffered.containsKey(tp) && !asked.contains(tp)
          && !retryAt.containsKey(tp)) {
        wanted.add(tp);
      }
    });
    for (Map.Entry<String, List<TopicPartition>> e : groupByLeader(view, wanted).entrySet()) {
      if (inFlight.containsKey(e.getKey())) {
        continue;
      }
      FetchRequest.Builder r = FetchRequest.newBuilder().setMaxWaitMs(maxWaitMs).setMinBytes(minBytes)
          .setMaxBytes(maxBytes);
      Map<TopicPartition, Long> positionsAsked = new HashMap<>();
      for (TopicPartition tp : e.getValue()) {
        long position = positions.get(tp);
        positionsAsked.put(tp, position);
        r.addPartitions(FetchPartition.newBuilder().setTopic(tp.topic()).setPartition(tp.partition())
            .setOffset(position).setMaxBytes(partitionMaxBytes));
      }
      CompletableFuture<FetchResponse> call = Calls.unary(FetchServiceGrpc.newStub(channels.get(e.getKey()))
          .withDeadlineAfter(maxWaitMs + requestTimeout.toMillis(), TimeUnit.MILLISECONDS)::fetch, r.build(), e.getKey());
      inFlight.put(e.getKey(), new InFlight(call, positionsAsked, System.nanoTime()));
    }
  }

  private void collectCompleted() {
    for (var it = inFlight.entrySet().iterator(); it.hasNext(); ) {
      InFlight f = it.next().getValue();
      if (!f.response.isDone()) {
        continue;
      }
      it.remove();
      metrics.fetchLatency.update(System.nanoTime() - f.sentNanos, TimeUnit.NANOSECONDS);
      FetchResponse response;
      try {
        response = f.response.join();
      } catch (RuntimeException e) {
        metrics.fetchErrors.mark();
        RafkaException failure = MetadataCache.unwrap(e);
        if (!(failure instanceof RetriableException)) {
          throw failure;
        }
        metadata.refresh();
        continue;
      }
      if (response.getError().getCode() != ErrorCode.NONE) {
        metrics.fetchErrors.mark();
        throw ServerErrors.toException(response.getError());
      }
      for (FetchPartitionResult r : response.getPartitionsList()) {
        accept(new TopicPartition(r.getTopic(), r.getPartition()), r, f.asked);
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
      highWatermarks.put(tp, r.getHighWatermark());
      metrics.bytesFetched.mark(r.getRecords().size());
      List<RecordBatches.Decoded> records = RecordBatches.decode(r.getRecords(), asked);
      if (!records.isEmpty()) {
        buffered.computeIfAbsent(tp, k -> new ArrayDeque<>()).addAll(records);
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
    // A leader moving or a replica catching up: ask again shortly, after a metadata refresh.
    retryAt.put(tp, System.nanoTime() + retryBackoffNanos);
    metadata.refresh();
  }

  // ---------------------------------------------------------------- offsets

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
    listOffsets(missing, deadline).forEach((tp, b) -> positions.put(tp, autoReset.equals("earliest")
        ? b.getLogStartOffset() : b.getHighWatermark()));
  }

  /** Each partition's bounds from its leader, waiting until the deadline (a wakeup interrupts it). */
  public Map<TopicPartition, PartitionBounds> listOffsets(Collection<TopicPartition> partitions, long deadline) {
    CompletableFuture<Map<TopicPartition, PartitionBounds>> lookup = offsets.lookup(partitions, null, deadline);
    try {
      CompletableFuture.anyOf(lookup, wakeup).get();
      checkWakeup();
      return lookup.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RafkaException("interrupted", e);
    } catch (ExecutionException | java.util.concurrent.CompletionException e) {
      throw MetadataCache.unwrap(e);
    }
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

  private void requireAssigned(TopicPartition tp) {
    if (!positions.containsKey(tp)) {
      throw new IllegalStateException(tp + " is not assigned to this consumer");
    }
  }

  static long deadline(Duration timeout) {
    return System.nanoTime() + Math.min(timeout.toNanos(), TimeUnit.DAYS.toNanos(365));
  }

}
