package io.rafka.server.membership;

import io.rafka.proto.ErrorCode;
import io.rafka.proto.internal.CompleteReassignmentCommand;
import io.rafka.proto.internal.MetadataCommand;
import io.rafka.server.metadata.ClusterImage;
import io.rafka.server.metadata.PartitionAssignment;
import io.rafka.server.metadata.PartitionRef;
import io.rafka.server.metadata.ReplicaPeer;
import io.rafka.server.metadata.TopicInfo;
import io.rafka.server.partition.PartitionId;
import io.rafka.server.raft.GroupConfiguration;
import io.rafka.server.raft.RaftNode;
import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the replica moves the metadata asks for, on the partitions this node leads. For each moving
 * partition it waits until the new replicas are hosted (their nodes' reconcilers start them empty), then
 * reconfigures the group step by step ({@link MoveStep}) and, once the configuration equals the target,
 * records the move as done in the metadata. All state is in the metadata and in the group's Raft
 * configuration, so when the leader driving a move dies the next leader picks it up where it stopped. At most
 * {@code maxConcurrent} moves run at once on a node. Thread-safe.
 */
public final class ReplicaMover implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(ReplicaMover.class);
  private static final long PASS_INTERVAL_MS = 1000;
  /** A check before a step (metadata current, replicas hosted) that takes longer than this counts as "not yet". */
  private static final long CHECK_TIMEOUT_MS = 10_000;

  private final int nodeId;
  private final RaftNode raft;
  private final int maxConcurrent;
  private final Duration stepTimeout;
  private final ScheduledExecutorService executor;
  private final Set<PartitionRef> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean passQueued = new AtomicBoolean();
  /** Why each waiting move waits, as last logged. */
  private final Map<PartitionId, String> waitingFor = new ConcurrentHashMap<>();
  /**
   * When each move last had to wait (System.nanoTime). A pass starts the moves that waited longest ago first:
   * were the same waiting moves picked on every pass, they could hold every slot forever while the receiving
   * node, its own budget full of replicas for other moves, never starts the replicas they wait for.
   */
  private final Map<PartitionRef, Long> lastWaited = new ConcurrentHashMap<>();

  public ReplicaMover(int nodeId, RaftNode raft, int maxConcurrent, Duration stepTimeout, ThreadFactory threads) {
    this.nodeId = nodeId;
    this.raft = raft;
    this.maxConcurrent = maxConcurrent;
    this.stepTimeout = stepTimeout;
    this.executor = Executors.newSingleThreadScheduledExecutor(threads);
  }

  /** Starts the periodic pass: leadership changes arrive without a metadata change, so a timer looks too. */
  public void start() {
    executor.scheduleWithFixedDelay(this::pass, PASS_INTERVAL_MS, PASS_INTERVAL_MS, TimeUnit.MILLISECONDS);
  }

  /** Called with every new metadata image. Cheap: queues a pass. */
  public void onImage(ClusterImage image) {
    if (passQueued.compareAndSet(false, true)) {
      executor.execute(this::pass);
    }
  }

  /** Moves this node is driving right now. */
  public int movesInFlight() {
    return inFlight.size();
  }

  /** Whether this node is in the middle of a step of this partition's move. */
  public boolean moving(String topicId, int partition) {
    return inFlight.contains(new PartitionRef(topicId, partition));
  }

  private void pass() {
    passQueued.set(false);
    try {
      ClusterImage image = raft.metadataImage();
      List<PartitionId> candidates = new ArrayList<>();
      Set<PartitionRef> moving = new HashSet<>();
      for (TopicInfo topic : image.topics().values()) {
        for (int p = 0; p < topic.partitions(); p++) {
          PartitionAssignment a = topic.assignment(p);
          if (a.moving()) {
            moving.add(new PartitionRef(topic.topicId(), p));
          }
          if (a.moving() && !inFlight.contains(new PartitionRef(topic.topicId(), p))
              && raft.isLeaderReady(topic.topicId(), p)) {
            candidates.add(new PartitionId(topic.name(), topic.topicId(), p));
          }
        }
      }
      lastWaited.keySet().retainAll(moving);
      candidates.sort(Comparator.comparingLong(id -> lastWaited.getOrDefault(ref(id), Long.MIN_VALUE)));
      for (PartitionId id : candidates) {
        if (inFlight.size() >= maxConcurrent) {
          return;
        }
        PartitionRef ref = ref(id);
        PartitionAssignment a = image.topicById(id.topicId()).orElseThrow().assignment(id.partition());
        inFlight.add(ref);
        step(image, id, a).whenComplete((moreToDo, e) -> {
          inFlight.remove(ref);
          if (e != null) {
            LOG.info("[node={} partition={}] move step to {} failed, will retry: {}", nodeId, id, a.target(),
                e.toString());
          } else if (moreToDo) {
            onImage(image);
          }
        });
      }
    } catch (RuntimeException e) {
      LOG.warn("[node={}] replica move pass failed: {}", nodeId, e.toString());
    }
  }

  /**
   * One step of a move: reconfigure toward the target, or record it done. Completes with true when another
   * step should follow at once.
   */
  private CompletableFuture<Boolean> step(ClusterImage image, PartitionId id, PartitionAssignment a) {
    return raft.metadataIsCurrent().completeOnTimeout(false, CHECK_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .thenCompose(current -> {
          // A stale image could name a target the metadata has already moved past: never reconfigure on one.
          boolean stillWanted = raft.metadataImage().topicById(id.topicId())
              .map(t -> t.assignment(id.partition()).equals(a)).orElse(false);
          if (!current) {
            return waiting(id, "this node's metadata is not known to be current");
          }
          return stillWanted ? stepOnCurrentImage(image, id, a) : CompletableFuture.completedFuture(false);
        });
  }

  /**
   * A step that cannot be taken yet: says why (once per reason and partition, so a stuck move is visible in
   * the log without a line a second) and lets the next pass try again.
   */
  private CompletableFuture<Boolean> waiting(PartitionId id, String why) {
    lastWaited.put(ref(id), System.nanoTime());
    if (!why.equals(waitingFor.put(id, why))) {
      LOG.info("[node={} partition={}] move waits: {}", nodeId, id, why);
    }
    return CompletableFuture.completedFuture(false);
  }

  private CompletableFuture<Boolean> stepOnCurrentImage(ClusterImage image, PartitionId id, PartitionAssignment a) {
    Optional<GroupConfiguration> conf = raft.partitionConfiguration(id);
    if (conf.isEmpty() || !conf.get().stable()) {
      return waiting(id, "the group's configuration is not stable");
    }
    List<ReplicaPeer> target;
    try {
      target = ReplicaPeer.ofReplicas(image, a.target());
    } catch (IllegalStateException e) {
      return CompletableFuture.failedFuture(e);
    }
    List<ReplicaPeer> next = MoveStep.next(conf.get().voters(), target);
    if (next.isEmpty()) {
      return complete(id, a.target()).thenApply(v -> false);
    }
    if (next.stream().noneMatch(p -> p.nodeId() == nodeId)) {
      return handOver(id, conf.get(), next);
    }
    List<Integer> added = MoveStep.addedBy(conf.get().voters(), next);
    return allHosting(next.stream().filter(p -> added.contains(p.nodeId())).toList(), id)
        .completeOnTimeout(false, CHECK_TIMEOUT_MS, TimeUnit.MILLISECONDS).thenCompose(ready -> {
      if (!ready) {
        return waiting(id, "nodes " + added + " do not host a replica yet");
      }
      waitingFor.remove(id);
      lastWaited.remove(ref(id));
      long start = System.nanoTime();
      LOG.info("[node={} partition={}] reconfiguring {} -> {} (target {})", nodeId, id, conf.get().voterIds(),
          next.stream().map(ReplicaPeer::nodeId).toList(), a.target());
      return raft.reconfigure(id, conf.get().voters(), next, stepTimeout).thenCompose(v -> {
        LOG.info("[node={} partition={}] now on {} after {} ms", nodeId, id,
            next.stream().map(ReplicaPeer::nodeId).toList(), (System.nanoTime() - start) / 1_000_000);
        return MoveStep.isFinal(next, target) ? complete(id, a.target()).thenApply(x -> false)
            : CompletableFuture.completedFuture(true);
      });
    });
  }

  /**
   * This node leads the group and the next configuration leaves it out: hand leadership to the most
   * preferred replica that stays, and let that one carry the move on. A Ratis 3.3.0 leader that commits a
   * configuration without itself closes its division while holding the division's lock, and deadlocks with
   * any write waiting for that lock; a leader that never removes itself never gets there.
   */
  private CompletableFuture<Boolean> handOver(PartitionId id, GroupConfiguration conf, List<ReplicaPeer> next) {
    List<ReplicaPeer> staying = conf.voters().stream()
        .filter(v -> next.stream().anyMatch(n -> n.nodeId() == v.nodeId()))
        .sorted(java.util.Comparator.comparingInt(v -> next.stream().map(ReplicaPeer::nodeId).toList()
            .indexOf(v.nodeId())))
        .toList();
    if (staying.isEmpty()) {
      return CompletableFuture.failedFuture(new IllegalStateException("no replica of " + id
          + " stays in the next configuration " + next));
    }
    // The most preferred staying replica that is caught up: a lagging one could not take over before the
    // transfer times out, and the group takes no writes while a transfer is pending.
    List<CompletableFuture<Boolean>> ready = staying.stream().map(v -> raft.caughtUp(id, v)
        .completeOnTimeout(false, CHECK_TIMEOUT_MS, TimeUnit.MILLISECONDS)).toList();
    return CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).thenCompose(v -> {
      for (int i = 0; i < staying.size(); i++) {
        if (ready.get(i).join()) {
          int successor = staying.get(i).nodeId();
          LOG.info("[node={} partition={}] handing leadership to node {} before leaving the group", nodeId, id,
              successor);
          return raft.transferLeadership(id, successor, stepTimeout).thenApply(x -> false);
        }
      }
      return waiting(id, "no staying replica of " + staying.stream().map(ReplicaPeer::nodeId).toList()
          + " has caught up to hand leadership to");
    });
  }

  /** Whether every new replica's node already hosts the group (else its reconciler has not started it yet). */
  private CompletableFuture<Boolean> allHosting(List<ReplicaPeer> added, PartitionId id) {
    List<CompletableFuture<Boolean>> asks = added.stream()
        .map(p -> raft.replicaState(p, id).thenApply(Optional::isPresent).exceptionally(e -> false)).toList();
    return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new))
        .thenApply(v -> asks.stream().allMatch(CompletableFuture::join));
  }

  private CompletableFuture<Void> complete(PartitionId id, List<Integer> target) {
    MetadataCommand command = MetadataCommand.newBuilder().setCompleteReassignment(CompleteReassignmentCommand
        .newBuilder().setTopicId(id.topicId()).setPartition(id.partition()).addAllTarget(target)).build();
    return raft.propose(command).thenAccept(result -> {
      if (result.getError() != ErrorCode.NONE) {
        throw new IllegalStateException("metadata refused the completed move: " + result.getMessage());
      }
      LOG.info("[node={} partition={}] move to {} done", nodeId, id, target);
    });
  }

  private static PartitionRef ref(PartitionId id) {
    return new PartitionRef(id.topicId(), id.partition());
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
