package io.rafka.client.admin;

import io.rafka.common.TopicPartition;
import java.util.List;

/**
 * A partition that {@link RafkaAdmin#describeClusterStatus()} lists as under-replicated or without a leader,
 * and why. Immutable and thread-safe.
 *
 * @param topic the topic
 * @param partition the partition index
 * @param replicas its replica set, preferred leader first
 * @param leader its leader's node id, -1 when none is known
 * @param reason why it is listed, e.g. "replica on node 3 is dead"
 */
public record PartitionIssue(String topic, int partition, List<Integer> replicas, int leader, String reason) {
  /** Copies the replica list. */
  public PartitionIssue {
    replicas = List.copyOf(replicas);
  }

  /** The topic and partition as one value. */
  public TopicPartition topicPartition() {
    return new TopicPartition(topic, partition);
  }
}
