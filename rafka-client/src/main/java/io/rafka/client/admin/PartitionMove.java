package io.rafka.client.admin;

import io.rafka.common.TopicPartition;
import java.util.List;

/**
 * A change of one partition's replica set (or of its preferred leader): in progress, started, or planned.
 * Immutable and thread-safe.
 *
 * @param topic the topic
 * @param partition the partition index
 * @param from the replica set before, preferred leader first
 * @param to the replica set after, preferred leader first
 * @param sizeBytes the partition's size as its largest known replica reports it; -1 when no replica answered
 * @param override true for an operator's explicit change, false for a move the hash ring asked for
 */
public record PartitionMove(String topic, int partition, List<Integer> from, List<Integer> to, long sizeBytes,
    boolean override) {
  /** Copies the replica lists. */
  public PartitionMove {
    from = List.copyOf(from);
    to = List.copyOf(to);
  }

  /** The topic and partition as one value. */
  public TopicPartition topicPartition() {
    return new TopicPartition(topic, partition);
  }

  /** The nodes that gain a replica: in {@link #to()} but not in {@link #from()}, in {@code to} order. */
  public List<Integer> addedReplicas() {
    return to.stream().filter(n -> !from.contains(n)).toList();
  }

  /** The nodes that lose their replica: in {@link #from()} but not in {@link #to()}, in {@code from} order. */
  public List<Integer> removedReplicas() {
    return from.stream().filter(n -> !to.contains(n)).toList();
  }
}
