package io.rafka.server.metrics;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Labelled gauges that come and go with what they measure (a follower's lag with leadership and membership, a
 * group's lag with coordination): {@link #sync} makes the registry hold exactly the wanted gauges of the base
 * names this instance owns. Thread-safe.
 */
public final class DynamicGauges {
  private final MetricRegistry registry;
  private final Set<String> bases;

  /** @param bases the base names (see {@link MetricNames}) whose labelled gauges this instance manages */
  public DynamicGauges(MetricRegistry registry, String... bases) {
    this.registry = registry;
    this.bases = Set.of(bases);
  }

  /** Registers the wanted gauges not registered yet and removes the owned ones no longer wanted. */
  public synchronized void sync(Map<String, Gauge<?>> wanted) {
    for (String name : wanted.keySet()) {
      if (!bases.contains(MetricNames.base(name))) {
        throw new IllegalArgumentException(name + " is not one of " + bases);
      }
    }
    Set<String> present = registry.getNames().stream().filter(n -> bases.contains(MetricNames.base(n)))
        .collect(Collectors.toSet());
    wanted.forEach((name, gauge) -> {
      if (!present.contains(name)) {
        registry.register(name, gauge);
      }
    });
    present.stream().filter(n -> !wanted.containsKey(n)).forEach(registry::remove);
  }
}
