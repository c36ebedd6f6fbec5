package io.rafka.server.metrics;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The leader-side replica-lag gauges ({@link MetricNames#PARTITION_REPLICA_LAG}, one per partition this node
 * leads and follower), which come and go with leadership and membership: {@link #sync} makes the registry hold
 * exactly the wanted ones. Thread-safe.
 */
public final class ReplicaLagGauges {
  private final MetricRegistry registry;

  public ReplicaLagGauges(MetricRegistry registry) {
    this.registry = registry;
  }

  /** Registers the wanted gauges not registered yet and removes the registered ones no longer wanted. */
  public synchronized void sync(Map<String, Gauge<Long>> wanted) {
    String prefix = MetricNames.PARTITION_REPLICA_LAG + "|";
    Set<String> present = registry.getNames().stream().filter(n -> n.startsWith(prefix))
        .collect(Collectors.toSet());
    wanted.forEach((name, gauge) -> {
      if (!present.contains(name)) {
        registry.register(name, gauge);
      }
    });
    present.stream().filter(n -> !wanted.containsKey(n)).forEach(registry::remove);
  }
}
