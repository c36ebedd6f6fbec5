package io.rafka.client.admin;

import io.rafka.common.TopicPartition;
import java.util.List;
import java.util.Set;

/** One member of a consumer group and the partitions the coordinator assigns it. Immutable. */
public record GroupMemberInfo(String memberId, String clientId, int memberEpoch, List<String> topics,
    Set<TopicPartition> assignment) {
  public GroupMemberInfo {
    topics = List.copyOf(topics);
    assignment = Set.copyOf(assignment);
  }
}
