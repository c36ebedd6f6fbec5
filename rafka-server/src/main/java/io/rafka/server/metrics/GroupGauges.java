package io.rafka.server.metrics;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.rafka.server.group.GroupLag;
import io.rafka.server.group.GroupLag.PartitionLag;
import io.rafka.server.group.assign.TopicPartition;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The consumer-group gauges of the groups this node coordinates (members, generation, and lag per partition in
 * records and seconds), kept in step with the last lag measurement. Lag in seconds is computed when scraped,
 * so it grows between measurements while a group does not move. Thread-safe.
 */
public final class GroupGauges {
  private final DynamicGauges gauges;
  private final Supplier<Map<String, GroupLag>> groups;
  private final Clock clock;

  public GroupGauges(MetricRegistry registry, Supplier<Map<String, GroupLag>> groups, Clock clock) {
    this.gauges = new DynamicGauges(registry, MetricNames.GROUP_MEMBERS, MetricNames.GROUP_GENERATION,
        MetricNames.GROUP_LAG_RECORDS, MetricNames.GROUP_LAG_SECONDS);
    this.groups = groups;
    this.clock = clock;
  }

  /** Registers the gauges of the groups and partitions measured last, and removes the others. */
  public void sync() {
    Map<String, Gauge<?>> wanted = new HashMap<>();
    groups.get().forEach((id, g) -> {
      wanted.put(MetricNames.tagged(MetricNames.GROUP_MEMBERS, "group", id),
          (Gauge<Integer>) () -> group(id).map(GroupLag::members).orElse(0));
      wanted.put(MetricNames.tagged(MetricNames.GROUP_GENERATION, "group", id),
          (Gauge<Integer>) () -> group(id).map(GroupLag::generation).orElse(0));
      g.lags().forEach((tp, lag) -> {
        String[] labels = {"group", id, "topic", tp.topic(), "partition", Integer.toString(tp.partition())};
        wanted.put(MetricNames.tagged(MetricNames.GROUP_LAG_RECORDS, labels),
            (Gauge<Long>) () -> lag(id, tp).map(PartitionLag::records).orElse(0L));
        if (lag.millis(clock.millis()).isPresent()) {
          wanted.put(MetricNames.tagged(MetricNames.GROUP_LAG_SECONDS, labels),
              (Gauge<Double>) () -> lag(id, tp).map(l -> l.millis(clock.millis())).filter(OptionalLong::isPresent)
                  .map(ms -> ms.getAsLong() / 1000.0).orElse(0.0));
        }
      });
    });
    gauges.sync(wanted);
  }

  private Optional<GroupLag> group(String id) {
    return Optional.ofNullable(groups.get().get(id));
  }

  private Optional<PartitionLag> lag(String id, TopicPartition tp) {
    return group(id).map(g -> g.lags().get(tp));
  }
}
