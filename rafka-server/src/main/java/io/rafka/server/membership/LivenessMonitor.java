package io.rafka.server.membership;

import io.rafka.proto.internal.MetadataCommand;
import io.rafka.proto.internal.SetNodeLivenessCommand;
import io.rafka.server.metadata.ClusterImage;
import io.rafka.server.metadata.NodeInfo;
import io.rafka.server.metadata.ReplicaPeer;
import io.rafka.server.raft.GroupConfiguration;
import io.rafka.server.raft.MetadataQuorumView;
import io.rafka.server.raft.RaftNode;
import java.io.Closeable;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Node liveness, as the metadata group's leader sees it. Every node is a member (voter or listener) of the
 * metadata group, so its leader already hears from every node on each heartbeat; on the node that leads the
 * metadata group this records in the metadata when a node goes silent for longer than
 * {@code node.heartbeat.timeout} and when it answers again. Only changes are written, so a healthy cluster
 * writes nothing. It also drops from the metadata group the listeners of nodes that were removed from the
 * cluster. Thread-safe.
 */
public final class LivenessMonitor implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(LivenessMonitor.class);
  private static final long INTERVAL_MS = 1000;

  private final int nodeId;
  private final RaftNode raft;
  private final Clock clock;
  private final long heartbeatTimeoutMs;
  private final ScheduledExecutorService executor;
  /** Nodes registered but not (yet) members of the metadata group, and since when this leader saw that. */
  private final Map<Integer, Long> missingSince = new HashMap<>();
  /** Liveness changes proposed and not yet seen applied, and when: not proposed again for a while. */
  private final Map<Integer, Long> proposedAt = new HashMap<>();
  /** Metadata group listeners that are not registered nodes, and since when. */
  private final Map<Integer, Long> unregisteredSince = new HashMap<>();

  public LivenessMonitor(int nodeId, RaftNode raft, Clock clock, Duration heartbeatTimeout, ThreadFactory threads) {
    this.nodeId = nodeId;
    this.raft = raft;
    this.clock = clock;
    this.heartbeatTimeoutMs = heartbeatTimeout.toMillis();
    this.executor = Executors.newSingleThreadScheduledExecutor(threads);
  }

  public void start() {
    executor.scheduleWithFixedDelay(this::check, INTERVAL_MS, INTERVAL_MS, TimeUnit.MILLISECONDS);
  }

  private void check() {
    try {
      MetadataQuorumView quorum = raft.metadataQuorum().orElse(null);
      if (quorum == null || quorum.leader() != nodeId) {
        missingSince.clear();
        unregisteredSince.clear();
        proposedAt.clear();
        return;
      }
      ClusterImage image = raft.metadataImage();
      long now = clock.millis();
      for (NodeInfo node : image.nodes().values()) {
        long silence = silenceOf(node.nodeId(), quorum, now);
        boolean down = silence > heartbeatTimeoutMs;
        if (down == node.isDown()) {
          proposedAt.remove(node.nodeId());
          continue;
        }
        Long proposed = proposedAt.get(node.nodeId());
        if (proposed != null && now - proposed < heartbeatTimeoutMs) {
          continue;
        }
        proposedAt.put(node.nodeId(), now);
        if (down) {
          LOG.warn("[node={}] node {} has not answered the metadata group for {} ms: reporting it down", nodeId,
              node.nodeId(), silence);
          propose(node.nodeId(), now - silence);
        } else {
          LOG.info("[node={}] node {} answers the metadata group again", nodeId, node.nodeId());
          propose(node.nodeId(), 0);
        }
      }
      dropListenersOfRemovedNodes(image, quorum.configuration(), now);
    } catch (RuntimeException e) {
      LOG.debug("[node={}] liveness check failed: {}", nodeId, e.toString());
    }
  }

  private long silenceOf(int node, MetadataQuorumView quorum, long now) {
    if (node == nodeId) {
      return 0;
    }
    Long silence = quorum.silenceMs().get(node);
    if (silence != null) {
      missingSince.remove(node);
      return silence;
    }
    return now - missingSince.computeIfAbsent(node, n -> now);
  }

  /**
   * A listener that has not been a registered node for a heartbeat timeout belongs to a removed node: drop it,
   * so the leader stops sending it the log. (A node registers before it joins as a listener, so a node that is
   * starting is never mistaken for one.)
   */
  private void dropListenersOfRemovedNodes(ClusterImage image, GroupConfiguration conf, long now) {
    unregisteredSince.keySet().removeIf(n -> image.nodes().containsKey(n));
    for (ReplicaPeer listener : conf.listeners()) {
      if (image.nodes().containsKey(listener.nodeId())) {
        continue;
      }
      long since = unregisteredSince.computeIfAbsent(listener.nodeId(), n -> now);
      if (now - since > heartbeatTimeoutMs) {
        List<ReplicaPeer> listeners = conf.listeners().stream().filter(l -> l.nodeId() != listener.nodeId())
            .toList();
        LOG.info("[node={}] removing listener {} of a node no longer in the cluster from the metadata group",
            nodeId, listener.nodeId());
        raft.changeMetadataMembers(conf, conf.voters(), listeners).exceptionally(e -> {
          LOG.info("[node={}] could not remove metadata listener {}: {}", nodeId, listener.nodeId(), e.toString());
          return null;
        });
        unregisteredSince.remove(listener.nodeId());
        return;
      }
    }
  }

  private void propose(int node, long downSinceMs) {
    raft.propose(MetadataCommand.newBuilder().setSetNodeLiveness(SetNodeLivenessCommand.newBuilder()
        .setNodeId(node).setDownSinceMs(downSinceMs)).build()).exceptionally(e -> {
          LOG.debug("[node={}] liveness change for node {} not recorded: {}", nodeId, node, e.toString());
          return null;
        });
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
