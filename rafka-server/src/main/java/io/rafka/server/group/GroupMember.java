package io.rafka.server.group;

import io.rafka.server.group.assign.TopicPartition;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A member of a consumer group as the group's Raft state holds it: its subscription, its target assignment
 * with the member epoch at which that target was set, and the partitions of earlier targets it may still own
 * because it has not yet said it gave them up ({@code previousAssignment}, always including the target). A
 * member may commit offsets for any partition it may own, so a commit racing a rebalance is not refused while
 * nobody else can have the partition yet. Immutable.
 */
public record GroupMember(String memberId, String clientId, List<String> topics, int sessionTimeoutMs,
    int memberEpoch, Set<TopicPartition> assignment, int previousEpoch, Set<TopicPartition> previousAssignment) {

  public GroupMember {
    topics = List.copyOf(topics);
    assignment = Set.copyOf(assignment);
    previousAssignment = Set.copyOf(previousAssignment);
  }

  /**
   * This member with a new target assignment set at {@code epoch}; unchanged if the target is the same. What
   * it may still own accumulates until it acknowledges giving it up: two quick rebalances must not make the
   * partitions of the first one uncommittable.
   */
  public GroupMember withAssignment(Set<TopicPartition> next, int epoch) {
    if (next.equals(assignment) && memberEpoch > 0) {
      return this; // a member just joining takes the epoch even with nothing to own: epoch 0 means "join"
    }
    return new GroupMember(memberId, clientId, topics, sessionTimeoutMs, epoch, next, memberEpoch,
        union(mayOwn(), next));
  }

  /** Partitions this member may still hold: its target and what it has not yet acknowledged giving up. */
  public Set<TopicPartition> mayOwn() {
    return union(assignment, previousAssignment);
  }

  /**
   * This member after it reported owning {@code owned}: earlier partitions it no longer holds are forgotten.
   * Returns this member itself when nothing changes (the caller then writes nothing).
   */
  public GroupMember acknowledging(Set<TopicPartition> owned) {
    Set<TopicPartition> still = new HashSet<>(previousAssignment);
    still.retainAll(owned);
    still.addAll(assignment);
    if (still.equals(previousAssignment)) {
      return this;
    }
    return new GroupMember(memberId, clientId, topics, sessionTimeoutMs, memberEpoch, assignment, previousEpoch,
        still);
  }

  /** Whether a request at {@code epoch} may come from this member: any epoch it was given, none it was not. */
  public boolean knowsEpoch(int epoch) {
    return epoch > 0 && epoch <= memberEpoch;
  }

  private static Set<TopicPartition> union(Set<TopicPartition> a, Set<TopicPartition> b) {
    Set<TopicPartition> u = new HashSet<>(a);
    u.addAll(b);
    return u;
  }
}
