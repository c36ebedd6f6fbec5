package io.rafka.server.group;

import io.rafka.server.group.assign.TopicPartition;
import java.util.List;
import java.util.Set;

/**
 * A member of a consumer group as the group's Raft state holds it: its subscription, and its target
 * assignment with the member epoch at which that assignment was set (and the one before, so that commits for
 * partitions being revoked are still accepted). Immutable.
 */
public record GroupMember(String memberId, String clientId, List<String> topics, int sessionTimeoutMs,
    int memberEpoch, Set<TopicPartition> assignment, int previousEpoch, Set<TopicPartition> previousAssignment) {

  public GroupMember {
    topics = List.copyOf(topics);
    assignment = Set.copyOf(assignment);
    previousAssignment = Set.copyOf(previousAssignment);
  }

  /** This member with a new target assignment set at {@code epoch}; unchanged if the assignment is the same. */
  public GroupMember withAssignment(Set<TopicPartition> next, int epoch) {
    if (next.equals(assignment)) {
      return this;
    }
    return new GroupMember(memberId, clientId, topics, sessionTimeoutMs, epoch, next, memberEpoch, assignment);
  }
}
