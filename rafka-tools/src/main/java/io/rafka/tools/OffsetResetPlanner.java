package io.rafka.tools;

import io.rafka.client.admin.OffsetSpec;
import io.rafka.common.TopicPartition;
import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Stateless and thread-safe: works out a group's new committed offsets for {@code --reset-offsets}, the offset
 * the {@link ResetSpec} asks for, kept within each partition's log (log start to log end), as Kafka does, so
 * that a reset never points the group at records that are gone or not yet written.
 */
final class OffsetResetPlanner {
  /** Looks offsets up per partition: {@code RafkaAdmin.listOffsets} in the tool, a fake in tests. */
  @FunctionalInterface
  interface OffsetSource {
    /** The offset of every one of {@code partitions} that {@code spec} names. */
    Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec);
  }

  private OffsetResetPlanner() {}

  /**
   * The new offset of each partition, by topic then partition.
   *
   * @param committed the group's committed offsets; {@link ResetSpec.Kind#SHIFT} moves these
   * @throws IllegalArgumentException for a shift of a partition the group has committed no offset for, as
   *     there is nothing to shift from
   */
  static SortedMap<TopicPartition, Long> plan(ResetSpec spec, Collection<TopicPartition> partitions,
      Map<TopicPartition, Long> committed, OffsetSource source) {
    SortedMap<TopicPartition, Long> plan = new TreeMap<>();
    if (partitions.isEmpty()) {
      return plan;
    }
    if (spec.kind() == ResetSpec.Kind.SHIFT) {
      requireCommitted(partitions, committed);
    }
    Map<TopicPartition, Long> logStart = source.offsets(partitions, OffsetSpec.earliest());
    Map<TopicPartition, Long> logEnd = source.offsets(partitions, OffsetSpec.latest());
    Map<TopicPartition, Long> atTime = spec.kind() == ResetSpec.Kind.DATETIME
        ? source.offsets(partitions, OffsetSpec.forTimestamp(spec.value())) : Map.of();
    for (TopicPartition tp : partitions) {
      long requested = switch (spec.kind()) {
        case EARLIEST -> lookedUp(logStart, tp);
        case LATEST -> lookedUp(logEnd, tp);
        case OFFSET -> spec.value();
        case DATETIME -> lookedUp(atTime, tp);
        case SHIFT -> saturatedAdd(committed.get(tp), spec.value());
      };
      plan.put(tp, Math.max(lookedUp(logStart, tp), Math.min(lookedUp(logEnd, tp), requested)));
    }
    return plan;
  }

  private static void requireCommitted(Collection<TopicPartition> partitions, Map<TopicPartition, Long> committed) {
    TreeSet<TopicPartition> missing = new TreeSet<>(partitions);
    missing.removeAll(committed.keySet());
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("cannot shift the offsets of " + missing + ": the group has no "
          + "committed offset there to shift from; use --to-earliest, --to-latest or --to-offset for them");
    }
  }

  /** The sum, or the nearest long when it overflows; the clamp to the log then makes it the log's end. */
  private static long saturatedAdd(long a, long b) {
    try {
      return Math.addExact(a, b);
    } catch (ArithmeticException e) {
      return b > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
  }

  /** The client answers for every partition asked or fails, so a gap is a bug worth naming. */
  private static long lookedUp(Map<TopicPartition, Long> offsets, TopicPartition tp) {
    Long offset = offsets.get(tp);
    if (offset == null) {
      throw new IllegalStateException("the cluster returned no offset for " + tp);
    }
    return offset;
  }
}
