package io.rafka.server.fetch;

import com.codahale.metrics.Timer;
import com.google.protobuf.ByteString;
import io.rafka.proto.Error;
import io.rafka.proto.ErrorCode;
import io.rafka.proto.FetchPartition;
import io.rafka.proto.FetchPartitionResult;
import io.rafka.proto.FetchRequest;
import io.rafka.proto.FetchResponse;
import io.rafka.proto.ListOffsetsRequest;
import io.rafka.proto.ListOffsetsResponse;
import io.rafka.proto.PartitionBounds;
import io.rafka.proto.PartitionRef;
import io.rafka.server.config.ServerConfig;
import io.rafka.server.errors.Errors;
import io.rafka.server.log.OffsetOutOfRangeException;
import io.rafka.server.metadata.ClusterImage;
import io.rafka.server.metadata.TopicInfo;
import io.rafka.server.metrics.ServerMetrics;
import io.rafka.server.partition.Partition;
import io.rafka.server.partition.PartitionRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Serves fetches from this node's replicas, up to what each replica has applied (all of it committed), from
 * the hot-read cache when it can. A fetch that finds fewer than {@code min_bytes} parks until a partition
 * grows or {@code max_wait_ms} passes (long-poll), instead of making consumers spin. Thread-safe.
 */
public final class FetchHandler {
  /** Most partitions one fetch may name. */
  public static final int MAX_PARTITIONS_PER_FETCH = 10_000;

  private final int nodeId;
  private final PartitionRegistry registry;
  private final Supplier<ClusterImage> metadata;
  private final FetchWaiters waiters;
  private final ScheduledExecutorService timer;
  private final ServerMetrics metrics;
  private final long maxResponseBytes;
  private final long defaultPartitionBytes;
  private final long maxWaitMs;
  private final CommittedEnd committedEnd;

  /**
   * Whether this node's replica of a partition has applied everything its group has committed and leads the
   * group: only then is an offset beyond its end really outside the log.
   */
  @FunctionalInterface
  public interface CommittedEnd {
    boolean known(String topicId, int partition);
  }

  public FetchHandler(ServerConfig config, PartitionRegistry registry, Supplier<ClusterImage> metadata,
      FetchWaiters waiters, ScheduledExecutorService timer, ServerMetrics metrics, CommittedEnd committedEnd) {
    this.committedEnd = committedEnd;
    this.nodeId = config.nodeId();
    this.registry = registry;
    this.metadata = metadata;
    this.waiters = waiters;
    this.timer = timer;
    this.metrics = metrics;
    this.maxResponseBytes = config.get(ServerConfig.FETCH_MAX_BYTES);
    this.defaultPartitionBytes = config.get(ServerConfig.FETCH_PARTITION_MAX_BYTES);
    this.maxWaitMs = config.get(ServerConfig.FETCH_MAX_WAIT).toMillis();
  }

  public CompletableFuture<FetchResponse> fetch(FetchRequest request) {
    Timer.Context timing = metrics.fetchRequests().time();
    String problem = problem(request);
    if (problem != null) {
      metrics.fetchErrors().mark();
      timing.stop();
      return CompletableFuture.completedFuture(FetchResponse.newBuilder()
          .setError(Errors.of(ErrorCode.INVALID_REQUEST, problem)).build());
    }
    long waitMs = Math.min(request.getMaxWaitMs(), maxWaitMs);
    LongPoll poll = new LongPoll(request, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs));
    poll.attempt(false);
    if (!poll.result.isDone()) {
      timer.schedule(() -> poll.attempt(true), waitMs, TimeUnit.MILLISECONDS);
    }
    return poll.result.whenComplete((r, e) -> {
      timing.stop();
      if (r != null) {
        metrics.fetchBytesOut().mark(r.getPartitionsList().stream().mapToLong(p -> p.getRecords().size()).sum());
      }
    });
  }

  /** Each partition's log start offset and high watermark on this node's replica. */
  public ListOffsetsResponse listOffsets(ListOffsetsRequest request) {
    if (request.getPartitionsCount() == 0 || request.getPartitionsCount() > MAX_PARTITIONS_PER_FETCH) {
      return ListOffsetsResponse.newBuilder().setError(Errors.of(ErrorCode.INVALID_REQUEST,
          "a ListOffsets request must name 1 to " + MAX_PARTITIONS_PER_FETCH + " partitions")).build();
    }
    ClusterImage image = metadata.get();
    ListOffsetsResponse.Builder b = ListOffsetsResponse.newBuilder().setError(Errors.NONE);
    for (PartitionRef ref : request.getPartitionsList()) {
      PartitionBounds.Builder pb = PartitionBounds.newBuilder().setTopic(ref.getTopic())
          .setPartition(ref.getPartition()).setError(Errors.NONE);
      FetchPartition asFetch = FetchPartition.newBuilder().setTopic(ref.getTopic()).setPartition(ref.getPartition())
          .build();
      Error error = locate(image, asFetch);
      Partition partition = error != null ? null : hosted(image, asFetch);
      if (error == null && partition == null) {
        error = notHosted(image, asFetch);
      }
      if (error == null && request.hasTimestamp()) {
        try {
          pb.setOffsetForTimestamp(partition.offsetForTimestamp(request.getTimestamp()));
        } catch (IOException e) {
          error = Errors.of(ErrorCode.STORAGE_ERROR, "looking up a timestamp in " + ref.getTopic() + "-"
              + ref.getPartition() + " failed: " + e.getMessage());
        }
      }
      if (error != null) {
        pb.setError(error);
      } else {
        pb.setLogStartOffset(partition.logStartOffset()).setHighWatermark(partition.logEndOffset());
      }
      b.addPartitions(pb);
    }
    return b.build();
  }

  /** This node's open replica of the partition's current incarnation, or null. */
  private Partition hosted(ClusterImage image, FetchPartition p) {
    String topicId = image.topic(p.getTopic()).get().topicId();
    return registry.get(p.getTopic(), p.getPartition()).filter(x -> x.id().topicId().equals(topicId)).orElse(null);
  }

  private Error notHosted(ClusterImage image, FetchPartition p) {
    return Errors.of(ErrorCode.REPLICA_NOT_AVAILABLE, "node " + nodeId + " hosts no open replica of "
        + p.getTopic() + "-" + p.getPartition() + "; its replicas are on nodes "
        + image.topic(p.getTopic()).get().replicasOf(p.getPartition()));
  }

  private static String problem(FetchRequest r) {
    if (r.getPartitionsCount() == 0) {
      return "a fetch must name at least one partition";
    }
    if (r.getPartitionsCount() > MAX_PARTITIONS_PER_FETCH) {
      return "a fetch may name at most " + MAX_PARTITIONS_PER_FETCH + " partitions, not " + r.getPartitionsCount();
    }
    if (r.getMaxWaitMs() < 0) {
      return "max_wait_ms must not be negative, was " + r.getMaxWaitMs();
    }
    if (r.getMinBytes() < 0) {
      return "min_bytes must not be negative, was " + r.getMinBytes();
    }
    if (r.getMaxBytes() < 0) {
      return "max_bytes must not be negative, was " + r.getMaxBytes();
    }
    Set<FetchWaiters.Key> seen = new HashSet<>();
    for (FetchPartition p : r.getPartitionsList()) {
      if (p.getMaxBytes() < 0) {
        return "max_bytes of " + p.getTopic() + "-" + p.getPartition() + " must not be negative";
      }
      if (!seen.add(new FetchWaiters.Key(p.getTopic(), p.getPartition()))) {
        return "partition " + p.getTopic() + "-" + p.getPartition() + " appears twice in one fetch";
      }
    }
    return null;
  }

  /** One fetch in flight: reads, and parks until it has min_bytes or its deadline passes. */
  private final class LongPoll {
    final FetchRequest request;
    final long deadlineNanos;
    final CompletableFuture<FetchResponse> result = new CompletableFuture<>();
    final List<FetchWaiters.Key> keys = new ArrayList<>();
    FetchWaiters.Waiter parked;

    LongPoll(FetchRequest request, long deadlineNanos) {
      this.request = request;
      this.deadlineNanos = deadlineNanos;
      request.getPartitionsList().forEach(p -> keys.add(new FetchWaiters.Key(p.getTopic(), p.getPartition())));
    }

    /** Synchronized: the timer and a wake-up may both call it; each attempt parks exactly one waiter. */
    synchronized void attempt(boolean timedOut) {
      if (result.isDone()) {
        return;
      }
      // Park before reading, so that an append between the read and the park still wakes us.
      FetchWaiters.Waiter waiter = waiters.park(keys, () -> attempt(false));
      FetchWaiters.Waiter previous = parked;
      parked = waiter;
      if (previous != null) {
        waiters.cancel(previous);
      }
      Read read = readAll(request);
      boolean expired = timedOut || System.nanoTime() >= deadlineNanos;
      if (read.bytes >= Math.max(1, request.getMinBytes()) || read.anyError || expired
          || request.getMaxWaitMs() == 0) {
        waiters.cancel(waiter);
        result.complete(read.response);
      }
    }
  }

  private record Read(FetchResponse response, long bytes, boolean anyError) {}

  private Read readAll(FetchRequest request) {
    ClusterImage image = metadata.get();
    long budget = request.getMaxBytes() == 0 ? maxResponseBytes : Math.min(request.getMaxBytes(), maxResponseBytes);
    long total = 0;
    boolean anyError = false;
    FetchResponse.Builder response = FetchResponse.newBuilder().setError(Errors.NONE);
    for (FetchPartition p : request.getPartitionsList()) {
      FetchPartitionResult.Builder r = FetchPartitionResult.newBuilder().setTopic(p.getTopic())
          .setPartition(p.getPartition()).setServedBy(nodeId).setError(Errors.NONE);
      Partition partition = null;
      Error error = locate(image, p);
      if (error == null) {
        partition = hosted(image, p);
        if (partition == null) {
          error = notHosted(image, p);
        }
      }
      if (partition != null) {
        r.setLogStartOffset(partition.logStartOffset()).setHighWatermark(partition.logEndOffset());
        long partitionCap = p.getMaxBytes() == 0 ? defaultPartitionBytes : p.getMaxBytes();
        long allowed = Math.min(partitionCap, budget - total);
        if (p.getOffset() < 0) {
          error = outOfRange(p, partition.logStartOffset(), partition.logEndOffset(), "is negative");
        } else if (allowed > 0 || total == 0) {
          try {
            ByteString data = partition.read(p.getOffset(), (int) Math.max(1, Math.min(allowed, Integer.MAX_VALUE)));
            r.setRecords(data);
            total += data.size();
          } catch (OffsetOutOfRangeException e) {
            error = p.getOffset() > e.logEndOffset() && !committedEnd.known(partition.id().topicId(), p.getPartition())
                ? Errors.of(ErrorCode.OFFSET_NOT_AVAILABLE, "the replica of " + p.getTopic() + "-" + p.getPartition()
                    + " on node " + nodeId + " has applied up to offset " + e.logEndOffset() + ", not yet "
                    + p.getOffset() + "; fetch again (from the leader)")
                : outOfRange(p, e.logStartOffset(), e.logEndOffset(), "is outside the log");
          } catch (IOException e) {
            error = Errors.of(ErrorCode.STORAGE_ERROR, "reading " + p.getTopic() + "-" + p.getPartition()
                + " on node " + nodeId + " failed: " + e.getMessage());
          }
        }
      }
      if (error != null) {
        anyError = true;
        metrics.fetchErrors().mark();
        r.setError(error);
      }
      response.addPartitions(r);
    }
    return new Read(response.build(), total, anyError);
  }

  private static Error outOfRange(FetchPartition p, long start, long end, String why) {
    return Errors.of(ErrorCode.OFFSET_OUT_OF_RANGE, "fetch offset " + p.getOffset() + " of " + p.getTopic()
        + "-" + p.getPartition() + " " + why + ": valid offsets are " + start + " (log start) to " + end
        + " (high watermark)");
  }

  /** Null if the partition exists in metadata, else the error saying why not. */
  private static Error locate(ClusterImage image, FetchPartition p) {
    TopicInfo topic = image.topic(p.getTopic()).orElse(null);
    if (topic == null) {
      return Errors.of(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, "topic '" + p.getTopic() + "' does not exist");
    }
    if (p.getPartition() < 0) {
      return Errors.of(ErrorCode.INVALID_PARTITIONS, "partition index must not be negative, was " + p.getPartition());
    }
    if (p.getPartition() >= topic.partitions()) {
      return Errors.of(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, "topic '" + p.getTopic() + "' has "
          + topic.partitions() + " partitions; partition " + p.getPartition() + " does not exist");
    }
    return null;
  }
}
