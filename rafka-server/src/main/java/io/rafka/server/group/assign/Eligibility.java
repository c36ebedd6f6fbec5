package io.rafka.server.group.assign;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which members may own which partitions, in the canonical order every assignor works in; immutable and
 * thread-safe. Members are indexed by member id order and topics by name order, so that assignors index
 * arrays instead of iterating hash maps. Only assignable topics are indexed: those that exist and that at
 * least one member subscribes to.
 */
final class Eligibility {
  private final List<String> memberIds;
  private final Map<String, Integer> memberIndex;
  private final List<String> topics;
  private final Map<String, Integer> topicIndex;
  private final int[] partitionCounts;
  private final int[][] subscribers;
  private final boolean[][] subscribes;

  private Eligibility(List<MemberSubscription> sortedMembers, List<String> topics, Map<String, Integer> counts) {
    this.memberIds = sortedMembers.stream().map(MemberSubscription::memberId).toList();
    this.memberIndex = indexOf(memberIds);
    this.topics = List.copyOf(topics);
    this.topicIndex = indexOf(this.topics);
    this.partitionCounts = topics.stream().mapToInt(counts::get).toArray();
    this.subscribes = new boolean[memberIds.size()][topics.size()];
    this.subscribers = new int[topics.size()][];
    for (int t = 0; t < topics.size(); t++) {
      List<Integer> subscribed = new ArrayList<>();
      for (int m = 0; m < sortedMembers.size(); m++) {
        if (sortedMembers.get(m).topics().contains(topics.get(t))) {
          subscribes[m][t] = true;
          subscribed.add(m);
        }
      }
      subscribers[t] = subscribed.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  static Eligibility of(AssignmentInput input) {
    // Sorted here rather than trusted from the caller, so the result is a function of the input's content alone.
    List<MemberSubscription> members = input.members().stream()
        .sorted(Comparator.comparing(MemberSubscription::memberId))
        .toList();
    List<String> topics = input.partitionCounts().keySet().stream()
        .filter(topic -> members.stream().anyMatch(member -> member.topics().contains(topic)))
        .sorted()
        .toList();
    return new Eligibility(members, topics, input.partitionCounts());
  }

  int memberCount() {
    return memberIds.size();
  }

  String memberId(int member) {
    return memberIds.get(member);
  }

  /** The member's index, or -1 if it is not in the group. */
  int memberIndex(String memberId) {
    return memberIndex.getOrDefault(memberId, -1);
  }

  int topicCount() {
    return topics.size();
  }

  String topic(int topic) {
    return topics.get(topic);
  }

  /** The topic's index, or -1 if it does not exist or nobody subscribes to it. */
  int topicIndex(String topic) {
    return topicIndex.getOrDefault(topic, -1);
  }

  int partitionCount(int topic) {
    return partitionCounts[topic];
  }

  /** The members subscribed to the topic, ascending; callers must not modify the array. */
  int[] subscribers(int topic) {
    return subscribers[topic];
  }

  boolean subscribes(int member, int topic) {
    return subscribes[member][topic];
  }

  /** Whether {@code member} may own {@code partition}: it subscribes to the topic and the partition exists. */
  boolean mayOwn(int member, TopicPartition partition) {
    int topic = topicIndex(partition.topic());
    return topic >= 0 && partition.partition() < partitionCounts[topic] && subscribes[member][topic];
  }

  private static Map<String, Integer> indexOf(List<String> names) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      index.put(names.get(i), i);
    }
    return index;
  }
}
