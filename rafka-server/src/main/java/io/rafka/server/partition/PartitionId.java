package io.rafka.server.partition;

import io.rafka.proto.internal.PartitionIdentity;

/**
 * Names one partition of one topic incarnation. {@link #toString()} is the "topic-partition" form used in
 * log lines and metric names. Immutable.
 */
public record PartitionId(String topic, String topicId, int partition) {

  public static PartitionId of(PartitionIdentity identity) {
    return new PartitionId(identity.getTopic(), identity.getTopicId(), identity.getPartition());
  }

  @Override
  public String toString() {
    return topic + "-" + partition;
  }
}
