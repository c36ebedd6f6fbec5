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
 * set or move target names this node, and removes (with its data) every replica whose topic was deleted or
 * whose group has moved on without this node.
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
  private final int maxIncoming;
  private final ScheduledExecutorService executor;
  private final AtomicReference<ClusterImage> latest = new AtomicReference<>(ClusterImage.EMPTY);
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private volatile long reconciledEpoch = -1;

  /**
   * @param addBatchSize replicas started at once
   * @param maxIncoming replicas being moved to this node that may be catching up at once
   */
  public Reconciler(int nodeId, PartitionGroupHost host, int addBatchSize, int maxIncoming, ThreadFactory threads) {
    this.nodeId = nodeId;
    this.host = host;
    this.addBatchSize = addBatchSize;
    this.maxIncoming = maxIncoming;
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
    Map<PartitionRef, Wanted> wanted = new HashMap<>();
    for (TopicInfo topic : image.topics().values()) {
      for (int p = 0; p < topic.partitions(); p++) {
        PartitionAssignment a = topic.assignment(p);
        if (!a.involves(nodeId)) {
          continue;
        }
        PartitionIdentity identity = PartitionIdentity.newBuilder().setTopic(topic.name())
            .setTopicId(topic.topicId()).setPartition(p).putAllConfigs(topic.configs()).build();
        boolean incoming = !a.replicas().contains(nodeId);
        wanted.put(new PartitionRef(topic.topicId(), p),
            new Wanted(identity, incoming ? List.of() : ReplicaPeer.ofReplicas(image, a.replicas()), incoming));
      }
    }
    boolean complete = true;
    Set<PartitionRef> closed = host.closedPartitions();
    for (PartitionRef ref : closed) {
      Wanted w = wanted.get(ref);
      if (w != null && w.incoming()) {
        // A replica that left this node's group earlier and is wanted again: its closed division never
        // restarts, so delete it and start a fresh one for the group's leader to catch up.
        LOG.info("[node={}] replacing the closed replica of {} with a fresh one", nodeId, ref);
        complete &= remove(ref);
        hosted = host.hostedPartitions();
      }
    }
    complete &= addMissing(hosted, wanted);
    for (PartitionRef ref : hosted) {
      if (!wanted.containsKey(ref)) {
        complete &= removeIfGone(image, ref);
      }
    }
    return complete;
  }

  /**
   * Starts the replicas this node should host and does not. A replica of a partition being moved here starts
   * empty and is caught up by the group's leader; at most {@code maxIncoming} such replicas are in flight at
   * once, so that a joining node is not flooded.
   */
  private boolean addMissing(Set<PartitionRef> hosted, Map<PartitionRef, Wanted> wanted) {
    long incomingHosted = wanted.entrySet().stream()
        .filter(e -> e.getValue().incoming() && hosted.contains(e.getKey())).count();
    long incomingBudget = Math.max(0, maxIncoming - incomingHosted);
    List<PartitionRef> toAdd = new ArrayList<>();
    boolean complete = true;
    for (PartitionRef ref : wanted.keySet().stream().filter(r -> !hosted.contains(r)).sorted().toList()) {
      if (!wanted.get(ref).incoming()) {
        toAdd.add(ref);
      } else if (incomingBudget > 0) {
        incomingBudget--;
        toAdd.add(ref);
      } else {
        complete = false;
      }
    }
    for (int i = 0; i < toAdd.size(); i += addBatchSize) {
      List<CompletableFuture<Void>> batch = new ArrayList<>();
      for (PartitionRef ref : toAdd.subList(i, Math.min(toAdd.size(), i + addBatchSize))) {
        Wanted w = wanted.get(ref);
        batch.add(host.addPartition(w.identity(), w.peers()).exceptionally(e -> {
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
    return complete;
  }

  /**
   * Deletes a hosted replica the metadata no longer places here: at once if its topic was deleted; if the
   * partition moved away, only once its group's leader confirms a configuration without this node. A replica
   * of a topic this metadata copy does not know yet is kept.
   */
  private boolean removeIfGone(ClusterImage image, PartitionRef ref) {
    if (!image.isDeleted(ref.topicId())) {
      TopicInfo topic = image.topicById(ref.topicId()).orElse(null);
      if (topic == null || ref.partition() >= topic.partitions()) {
        LOG.debug("[node={}] hosts {} which metadata epoch {} does not know yet; keeping it", nodeId, ref,
            image.epoch());
        return true;
      }
      PartitionAssignment a = topic.assignment(ref.partition());
      List<Integer> members = new ArrayList<>(a.replicas());
      a.target().stream().filter(n -> !members.contains(n)).forEach(members::add);
      try {
        if (!host.leftGroup(ref, ReplicaPeer.ofReplicas(image, members)).get(ADD_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
          return false;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      } catch (Exception e) {
        LOG.debug("[node={}] cannot tell yet whether {} left this node: {}", nodeId, ref, e.toString());
        return false;
      }
    }
    return remove(ref);
  }

  private boolean remove(PartitionRef ref) {
    try {
      host.removePartition(ref).get(ADD_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      LOG.warn("[node={}] cannot remove replica {}: {}", nodeId, ref, e.toString());
      return false;
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  /** A replica this node should host, and how to start it. */
  private record Wanted(PartitionIdentity identity, List<ReplicaPeer> peers, boolean incoming) {}
}
