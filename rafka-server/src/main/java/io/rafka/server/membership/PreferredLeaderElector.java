package io.rafka.server.membership;

import io.rafka.server.metadata.ClusterImage;
import io.rafka.server.metadata.NodeInfo;
import io.rafka.server.metadata.PartitionAssignment;
import io.rafka.server.metadata.ReplicaPeer;
import io.rafka.server.metadata.TopicInfo;
import io.rafka.server.partition.PartitionId;
import io.rafka.server.raft.GroupConfiguration;
import io.rafka.server.raft.RaftNode;
import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives leadership back to each partition's preferred replica (the first in its replica set), from the node
 * that leads it now: the balance the ring chose returns by itself after a node restarts or a move. Ratis
 * priorities alone do not do it under load: a Ratis leader looks for a higher-priority peer only when its
 * event queue has been idle for an election timeout, which a partition taking writes never is. A partition
 * that is moving, or whose preferred node is down, is left alone. Thread-safe.
 */
public final class PreferredLeaderElector implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(PreferredLeaderElector.class);

  private final int nodeId;
  private final RaftNode raft;
  private final ReplicaMover mover;
  private final Duration interval;
  private final ScheduledExecutorService executor;

  public PreferredLeaderElector(int nodeId, RaftNode raft, ReplicaMover mover, Duration interval,
      ThreadFactory threads) {
    this.nodeId = nodeId;
    this.raft = raft;
    this.mover = mover;
    this.interval = interval;
    this.executor = Executors.newSingleThreadScheduledExecutor(threads);
  }

  public void start() {
    executor.scheduleWithFixedDelay(this::pass, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void pass() {
    try {
      if (!raft.metadataIsCurrent().get(interval.toMillis(), TimeUnit.MILLISECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (Exception e) {
      return;
    }
    // Read after the check: this image has at least what the metadata leader had applied.
    ClusterImage image = raft.metadataImage();
    List<CompletableFuture<Void>> transfers = new ArrayList<>();
    for (TopicInfo topic : image.topics().values()) {
      for (int p = 0; p < topic.partitions(); p++) {
        PartitionAssignment a = topic.assignment(p);
        int preferred = a.replicas().get(0);
        NodeInfo node = image.nodes().get(preferred);
        if (preferred == nodeId || a.moving() || mover.moving(topic.topicId(), p) || node == null
            || node.isDown() || !raft.isLeaderReady(topic.topicId(), p)) {
          continue;
        }
        PartitionId id = new PartitionId(topic.name(), topic.topicId(), p);
        Optional<ReplicaPeer> preferredVoter = raft.partitionConfiguration(id).filter(GroupConfiguration::stable)
            .flatMap(c -> c.voters().stream().filter(v -> v.nodeId() == preferred).findFirst());
        if (preferredVoter.isPresent()) {
          // Only to a caught-up replica: the group takes no writes while a transfer is pending.
          transfers.add(raft.caughtUp(id, preferredVoter.get()).thenCompose(ready -> {
            if (!ready) {
              LOG.debug("[node={} partition={}] preferred replica {} is still catching up", nodeId, id, preferred);
              return CompletableFuture.completedFuture(null);
            }
            return raft.transferLeadership(id, preferred, interval).handle((v, e) -> {
              if (e == null) {
                LOG.info("[node={} partition={}] leadership returned to preferred replica {}", nodeId, id,
                    preferred);
              } else {
                LOG.info("[node={} partition={}] preferred replica {} did not take leadership yet: {}", nodeId,
                    id, preferred, e.getMessage());
              }
              return null;
            });
          }));
        }
      }
    }
    // Transfers run together (a restarted node takes back all its partitions at once); the next pass waits for them.
    try {
      CompletableFuture.allOf(transfers.toArray(CompletableFuture[]::new))
          .get(2 * interval.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.debug("[node={}] leadership transfers still running: {}", nodeId, e.toString());
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
