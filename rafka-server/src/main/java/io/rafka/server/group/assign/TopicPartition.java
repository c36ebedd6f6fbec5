package io.rafka.server.group.assign;

import java.util.Comparator;
import java.util.Objects;

/**
 * A partition of a topic; immutable and thread-safe. Ordered by topic name, then partition number, which is
 * the order every assignor walks partitions in.
 *
 * @param topic the topic name
 * @param partition the partition number, from 0
 */
public record TopicPartition(String topic, int partition) implements Comparable<TopicPartition> {
  private static final Comparator<TopicPartition> ORDER =
      Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

  public TopicPartition {
    Objects.requireNonNull(topic, "topic");
    if (partition < 0) {
      throw new IllegalArgumentException("partition must be >= 0: " + topic + "-" + partition);
    }
  }

  @Override
  public int compareTo(TopicPartition other) {
    return ORDER.compare(this, other);
  }

  /** Kafka's spelling, {@code topic-partition}, so that logs and test failures read as operators expect. */
  @Override
  public String toString() {
    return topic + "-" + partition;
  }
}
