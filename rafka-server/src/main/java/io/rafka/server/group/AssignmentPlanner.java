package io.rafka.server.group;

import io.rafka.server.group.assign.AssignmentInput;
import io.rafka.server.group.assign.Assignors;
import io.rafka.server.group.assign.MemberSubscription;
import io.rafka.server.group.assign.TopicPartition;
import io.rafka.server.metadata.ClusterImage;
import io.rafka.server.metadata.TopicInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Computes a group's next state: members' target assignments from the group's assignor. Stateless. */
final class AssignmentPlanner {
  private AssignmentPlanner() {}

  /**
   * The group after a membership change: {@code members} with fresh target assignments, at the next epoch.
   * Members whose target did not change keep their member epoch.
   */
  static GroupState plan(GroupState current, String assignor, Map<String, GroupMember> members, ClusterImage image) {
    Map<String, Set<TopicPartition>> targets = targets(assignor, members, image);
    int nextEpoch = current.epoch() + 1;
    Map<String, GroupMember> next = new TreeMap<>();
    members.forEach((id, m) -> next.put(id, m.withAssignment(targets.getOrDefault(id, Set.of()), nextEpoch)));
    return current.next(assignor, next);
  }

  /** Whether the assignor would now give some member something else (e.g. a subscribed topic appeared). */
  static boolean stale(GroupState state, ClusterImage image) {
    if (state.members().isEmpty()) {
      return false;
    }
    Map<String, Set<TopicPartition>> targets = targets(state.assignor(), state.members(), image);
    return state.members().values().stream()
        .anyMatch(m -> !m.assignment().equals(targets.getOrDefault(m.memberId(), Set.of())));
  }

  private static Map<String, Set<TopicPartition>> targets(String assignor, Map<String, GroupMember> members,
      ClusterImage image) {
    List<MemberSubscription> subscriptions = new ArrayList<>();
    Map<String, Integer> counts = new HashMap<>();
    Map<String, Set<TopicPartition>> previous = new HashMap<>();
    for (GroupMember m : new TreeMap<>(members).values()) {
      subscriptions.add(new MemberSubscription(m.memberId(), Set.copyOf(m.topics())));
      previous.put(m.memberId(), m.assignment());
      for (String topic : m.topics()) {
        image.topic(topic).filter(t -> !t.internal()).map(TopicInfo::partitions)
            .ifPresent(n -> counts.put(topic, n));
      }
    }
    return Assignors.byName(assignor).assign(new AssignmentInput(subscriptions, counts, previous));
  }
}
