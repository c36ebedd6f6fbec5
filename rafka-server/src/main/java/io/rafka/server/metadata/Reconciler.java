package io.rafka.server.metadata;

import io.rafka.proto.internal.PartitionIdentity;
import java.io.Closeable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the groups this node hosts match the metadata: starts a replica for every partition whose replica
 * set names this node, and removes (with its data) every replica whose topic the metadata says was deleted.
 * Runs on its own thread, driven by metadata changes; a pass that fails is retried. Adds happen in small
 * batches, because starting many groups at once sets off election storms on a small host.
 * Thread-safe.
 */
public final class Reconciler implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
  private static final long RETRY_DELAY_MS = 1000;
  private static final long ADD_TIMEOUT_MS = 60_000;

  private final int nodeId;
  private final PartitionGroupHost host;
  private final int addBatchSize;
  private final ScheduledExecutorService executor;
  private final AtomicReference<ClusterImage> latest = new AtomicReference<>(ClusterImage.EMPTY);
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private volatile long reconciledEpoch = -1;

  public Reconciler(int nodeId, PartitionGroupHost host, int addBatchSize, ThreadFactory threads) {
    this.nodeId = nodeId;
    this.host = host;
    this.addBatchSize = addBatchSize;
    this.executor = Executors.newSingleThreadScheduledExecutor(threads);
  }

  /** Called with every new metadata image. Cheap: schedules a pass. */
  public void onImage(ClusterImage image) {
    latest.set(image);
    schedule(0);
  }

  /** The metadata epoch of the last pass that completed without failure. */
  public long reconciledEpoch() {
    return reconciledEpoch;
  }

  private void schedule(long delayMs) {
    if (scheduled.compareAndSet(false, true)) {
      executor.schedule(this::pass, delayMs, TimeUnit.MILLISECONDS);
    }
  }

  private void pass() {
    scheduled.set(false);
    ClusterImage image = latest.get();
    try {
      boolean complete = reconcile(image);
      if (complete) {
        reconciledEpoch = image.epoch();
      } else {
        schedule(RETRY_DELAY_MS);
      }
    } catch (RuntimeException e) {
      LOG.warn("[node={}] reconcile at epoch {} failed, retrying: {}", nodeId, image.epoch(), e.toString());
      schedule(RETRY_DELAY_MS);
    }
  }

  private boolean reconcile(ClusterImage image) {
    Set<PartitionRef> hosted = host.hostedPartitions();
    Map<PartitionRef, PartitionIdentity> wanted = new HashMap<>();
    Map<PartitionRef, List<ReplicaPeer>> peersOf = new HashMap<>();
    for (TopicInfo topic : image.topics().values()) {
      for (int p = 0; p < topic.partitions(); p++) {
        List<Integer> replicas = topic.replicasOf(p);
        if (!replicas.contains(nodeId)) {
          continue;
        }
        PartitionRef ref = new PartitionRef(topic.topicId(), p);
        wanted.put(ref, PartitionIdentity.newBuilder().setTopic(topic.name()).setTopicId(topic.topicId())
            .setPartition(p).putAllConfigs(topic.configs()).build());
        peersOf.put(ref, peers(image, replicas));
      }
    }
    boolean complete = true;
    List<PartitionRef> toAdd = wanted.keySet().stream().filter(r -> !hosted.contains(r))
        .sorted((a, b) -> a.topicId().equals(b.topicId()) ? Integer.compare(a.partition(), b.partition())
            : a.topicId().compareTo(b.topicId()))
        .toList();
    for (int i = 0; i < toAdd.size(); i += addBatchSize) {
      List<CompletableFuture<Void>> batch = new ArrayList<>();
      for (PartitionRef ref : toAdd.subList(i, Math.min(toAdd.size(), i + addBatchSize))) {
        batch.add(host.addPartition(wanted.get(ref), peersOf.get(ref)).exceptionally(e -> {
          LOG.warn("[node={}] cannot start replica of {}: {}", nodeId, ref, e.toString());
          throw new IllegalStateException(e);
        }));
      }
      try {
        CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).get(ADD_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      } catch (Exception e) {
        complete = false;
      }
    }
    for (PartitionRef ref : hosted) {
      if (wanted.containsKey(ref)) {
        continue;
      }
      if (image.isDeleted(ref.topicId())) {
        try {
          host.removePartition(ref).get(ADD_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        } catch (Exception e) {
          LOG.warn("[node={}] cannot remove replica of deleted topic {}: {}", nodeId, ref, e.toString());
          complete = false;
        }
      } else if (image.topicById(ref.topicId()).isEmpty()) {
        LOG.debug("[node={}] hosts {} which metadata epoch {} does not know yet; keeping it", nodeId, ref,
            image.epoch());
      }
    }
    return complete;
  }

  /** The replicas' Raft peers, with priorities falling along the ring order: the first is preferred. */
  static List<ReplicaPeer> peers(ClusterImage image, List<Integer> replicas) {
    List<ReplicaPeer> peers = new ArrayList<>(replicas.size());
    for (int i = 0; i < replicas.size(); i++) {
      NodeInfo node = image.node(replicas.get(i)).orElseThrow(
          () -> new IllegalStateException("replica on unregistered node"));
      peers.add(new ReplicaPeer(node.nodeId(), node.raftAddress(), replicas.size() - i));
    }
    return peers;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
