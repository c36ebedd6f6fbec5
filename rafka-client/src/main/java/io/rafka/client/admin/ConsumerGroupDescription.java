package io.rafka.client.admin;

import io.rafka.common.TopicPartition;
import java.util.List;
import java.util.Map;

/**
 * A consumer group: state, epoch, assignor, the node coordinating it, its members with their assignments, and
 * per partition (assigned or committed) its committed offset, high watermark and lag. Immutable.
 */
public record ConsumerGroupDescription(String groupId, String state, int groupEpoch, String assignor,
    int coordinator, List<GroupMemberInfo> members, Map<TopicPartition, PartitionLag> partitions) {
  public ConsumerGroupDescription {
    members = List.copyOf(members);
    partitions = Map.copyOf(partitions);
  }
}
