package io.rafka.server.partition;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.rafka.server.metrics.MetricNames;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

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
   * index last applied to it, {@code leads} whether this replica leads its group now.
   */
  public void register(Partition partition, LongSupplier appliedIndex, BooleanSupplier leads) {
    Key key = new Key(partition.id().topic(), partition.id().partition());
    partitions.put(key, new Entry(partition, appliedIndex));
    removeGauges(partition.id());
    // A replica applies only committed entries, so its log end is also its high watermark.
    gauge(partition.id(), MetricNames.PARTITION_LOG_END_OFFSET, () -> current(key).map(Partition::logEndOffset));
    gauge(partition.id(), MetricNames.PARTITION_HIGH_WATERMARK, () -> current(key).map(Partition::logEndOffset));
    gauge(partition.id(), MetricNames.PARTITION_LOG_START_OFFSET,
        () -> current(key).map(Partition::logStartOffset));
    gauge(partition.id(), MetricNames.PARTITION_SIZE_BYTES, () -> current(key).map(Partition::sizeInBytes));
    gauge(partition.id(), MetricNames.PARTITION_SEGMENTS, () -> current(key).map(p -> (long) p.segmentCount()));
    gauge(partition.id(), MetricNames.PARTITION_APPLIED_INDEX,
        () -> Optional.ofNullable(partitions.get(key)).map(e -> e.appliedIndex.getAsLong()));
    gauge(partition.id(), MetricNames.PARTITION_LEADER,
        () -> current(key).map(p -> leads.getAsBoolean() ? 1L : 0L));
  }

  /** Forgets {@code partition} if it is still the registered one (a newer one may have replaced it). */
  public void unregister(Partition partition) {
    Key key = new Key(partition.id().topic(), partition.id().partition());
    if (partitions.computeIfPresent(key, (k, e) -> e.partition == partition ? null : e) == null) {
      removeGauges(partition.id());
    }
  }

  /** The registry name of one of a partition's gauges: the base name with labels topic and partition. */
  public static String metricName(String base, PartitionId id) {
    return MetricNames.tagged(base, "topic", id.topic(), "partition", Integer.toString(id.partition()));
  }

  /** A gauge of this partition that reads -1 once the partition is gone (a scrape may race its removal). */
  private void gauge(PartitionId id, String base, Supplier<Optional<Long>> value) {
    metrics.register(metricName(base, id), (Gauge<Long>) () -> value.get().orElse(-1L));
  }

  private void removeGauges(PartitionId id) {
    String labels = metricName("", id);
    metrics.removeMatching((name, m) -> name.startsWith("partition.")
        && (name.endsWith(labels) || name.contains(labels + "|")));
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

  private record Key(String topic, int partition) {}

  private record Entry(Partition partition, LongSupplier appliedIndex) {}
}
