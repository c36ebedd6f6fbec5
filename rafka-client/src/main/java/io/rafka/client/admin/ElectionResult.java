package io.rafka.client.admin;

import io.rafka.client.errors.RafkaException;
import io.rafka.common.TopicPartition;

/**
 * The outcome of moving one partition's leadership to its preferred replica. Immutable and thread-safe.
 *
 * @param topic the topic
 * @param partition the partition index
 * @param preferred the preferred replica's node id
 * @param leader the leader after the election, -1 when unknown
 * @param error why this partition's election failed; null when it succeeded
 */
public record ElectionResult(String topic, int partition, int preferred, int leader, RafkaException error) {
  /** The topic and partition as one value. */
  public TopicPartition topicPartition() {
    return new TopicPartition(topic, partition);
  }

  /** Whether the election succeeded. */
  public boolean succeeded() {
    return error == null;
  }
}
