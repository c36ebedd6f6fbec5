package io.rafka.server.partition;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The partitions whose logs are open on this node, found by topic name and partition index. A partition is
 * here while its state machine is running; it leaves when the group is paused (snapshot install), closed or
 * removed. Also owns the per-partition gauges. Thread-safe.
 */
public final class PartitionRegistry {
  private final Map<Key, Entry> partitions = new ConcurrentHashMap<>();
  private final MetricRegistry metrics;

  public PartitionRegistry(MetricRegistry metrics) {
    this.metrics = metrics;
  }

  /**
   * Makes {@code partition} the open replica of its topic partition. {@code appliedIndex} reports the Raft
   * index last applied to it.
   */
  public void register(Partition partition, LongSupplier appliedIndex) {
    Key key = new Key(partition.id().topic(), partition.id().partition());
    partitions.put(key, new Entry(partition, appliedIndex));
    String prefix = metricPrefix(partition.id());
    metrics.remove(prefix + "log-end-offset");
    metrics.remove(prefix + "log-start-offset");
    metrics.remove(prefix + "applied-index");
    metrics.remove(prefix + "size-bytes");
    metrics.register(prefix + "log-end-offset", (Gauge<Long>) () -> current(key).map(Partition::logEndOffset).orElse(-1L));
    metrics.register(prefix + "log-start-offset", (Gauge<Long>) () -> current(key).map(Partition::logStartOffset).orElse(-1L));
    metrics.register(prefix + "size-bytes", (Gauge<Long>) () -> current(key).map(Partition::sizeInBytes).orElse(-1L));
    metrics.register(prefix + "applied-index", (Gauge<Long>) () -> {
      Entry e = partitions.get(key);
      return e == null ? -1L : e.appliedIndex.getAsLong();
    });
  }

  /** Forgets {@code partition} if it is still the registered one (a newer one may have replaced it). */
  public void unregister(Partition partition) {
    Key key = new Key(partition.id().topic(), partition.id().partition());
    if (partitions.computeIfPresent(key, (k, e) -> e.partition == partition ? null : e) == null) {
      metrics.removeMatching((name, m) -> name.startsWith(metricPrefix(partition.id())));
    }
  }

  public Optional<Partition> get(String topic, int partition) {
    return current(new Key(topic, partition));
  }

  public Collection<Partition> all() {
    return partitions.values().stream().map(e -> e.partition).toList();
  }

  private Optional<Partition> current(Key key) {
    Entry e = partitions.get(key);
    return e == null ? Optional.empty() : Optional.of(e.partition);
  }

  private static String metricPrefix(PartitionId id) {
    return "partition." + id.topic() + "." + id.partition() + ".";
  }

  private record Key(String topic, int partition) {}

  private record Entry(Partition partition, LongSupplier appliedIndex) {}
}
