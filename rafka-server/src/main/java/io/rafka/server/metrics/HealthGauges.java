package io.rafka.server.metrics;

import com.codahale.metrics.CachedGauge;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The gauges of cluster health and of this node's load. Cluster health is computed at most once a second,
 * however many of its gauges a scrape reads. Thread-safe.
 */
public final class HealthGauges {
  private final MetricRegistry registry;
  private final CachedGauge<ClusterHealth> health;
  private final Set<Integer> nodesWithGauges = new HashSet<>(); // guarded by this

  /**
   * @param health computes the cluster's health from this node's metadata copy
   * @param groupsHosted the Raft groups this node hosts (partitions and metadata)
   * @param leaders the partition groups this node leads
   * @param ready whether this node passes /ready
   * @param dataDir the node's data directory, whose file system's space is reported
   */
  public HealthGauges(MetricRegistry registry, Supplier<ClusterHealth> health, IntSupplier groupsHosted,
      IntSupplier leaders, Supplier<Boolean> ready, Path dataDir) {
    this.registry = registry;
    this.health = new CachedGauge<>(1, TimeUnit.SECONDS) {
      @Override
      protected ClusterHealth loadValue() {
        return health.get();
      }
    };
    registry.register(MetricNames.CLUSTER_UNDER_REPLICATED, (Gauge<Integer>) () -> this.health.getValue()
        .underReplicated());
    registry.register(MetricNames.CLUSTER_LEADERLESS, (Gauge<Integer>) () -> this.health.getValue().leaderless());
    registry.register(MetricNames.CLUSTER_NODES_DOWN, (Gauge<Integer>) () -> this.health.getValue().nodesDown());
    registry.register(MetricNames.NODE_GROUPS_HOSTED, (Gauge<Integer>) groupsHosted::getAsInt);
    registry.register(MetricNames.NODE_LEADERS, (Gauge<Integer>) leaders::getAsInt);
    registry.register(MetricNames.NODE_READY, (Gauge<Integer>) () -> ready.get() ? 1 : 0);
    registry.register(MetricNames.NODE_DISK_FREE_BYTES, (Gauge<Long>) () -> space(dataDir, true));
    registry.register(MetricNames.NODE_DISK_TOTAL_BYTES, (Gauge<Long>) () -> space(dataDir, false));
  }

  /** Keeps one quorum-at-risk gauge per registered node; call with every new membership. */
  public synchronized void onNodes(Set<Integer> nodes) {
    for (int node : nodes) {
      if (nodesWithGauges.add(node)) {
        registry.register(quorumAtRiskName(node),
            (Gauge<Integer>) () -> health.getValue().quorumAtRisk().getOrDefault(node, 0));
      }
    }
    for (int node : Set.copyOf(nodesWithGauges)) {
      if (!nodes.contains(node)) {
        registry.remove(quorumAtRiskName(node));
        nodesWithGauges.remove(node);
      }
    }
  }

  /** Usable or total bytes of the file system holding {@code dir}; -1 when it cannot be read. */
  private static long space(Path dir, boolean usable) {
    try {
      FileStore store = Files.getFileStore(dir);
      return usable ? store.getUsableSpace() : store.getTotalSpace();
    } catch (IOException e) {
      return -1;
    }
  }

  private static String quorumAtRiskName(int node) {
    return MetricNames.tagged(MetricNames.CLUSTER_QUORUM_AT_RISK, "node", Integer.toString(node));
  }
}
