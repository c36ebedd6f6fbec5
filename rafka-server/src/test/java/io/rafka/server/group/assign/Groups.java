package io.rafka.server.group.assign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Builders and independent checks of assignments, shared by the tests. */
final class Groups {
  private Groups() {}

  static MemberSubscription member(String id, String... topics) {
    return new MemberSubscription(id, Set.of(topics));
  }

  static TopicPartition tp(String topic, int partition) {
    return new TopicPartition(topic, partition);
  }

  /** Partitions of one topic, e.g. {@code partitions("t0", 0, 2)} is t0-0 and t0-2. */
  static Set<TopicPartition> partitions(String topic, int... numbers) {
    return Arrays.stream(numbers).mapToObj(p -> tp(topic, p)).collect(Collectors.toCollection(TreeSet::new));
  }

  @SafeVarargs
  static Set<TopicPartition> union(Set<TopicPartition>... sets) {
    Set<TopicPartition> union = new TreeSet<>();
    for (Set<TopicPartition> set : sets) {
      union.addAll(set);
    }
    return union;
  }

  /** What the rules say must be assigned: every partition of every existing topic someone subscribes to. */
  static Set<TopicPartition> assignable(AssignmentInput input) {
    Set<String> subscribed = input.members().stream()
        .flatMap(m -> m.topics().stream())
        .collect(Collectors.toSet());
    Set<TopicPartition> all = new HashSet<>();
    input.partitionCounts().forEach((topic, count) -> {
      if (subscribed.contains(topic)) {
        IntStream.range(0, count).forEach(p -> all.add(tp(topic, p)));
      }
    });
    return all;
  }

  static void assertFollowsRules(AssignmentInput input, Map<String, Set<TopicPartition>> result) {
    Map<String, Set<String>> topicsOf = input.members().stream()
        .collect(Collectors.toMap(MemberSubscription::memberId, MemberSubscription::topics));
    assertEquals(topicsOf.keySet(), result.keySet(), "one entry per member, and no other");
    Map<TopicPartition, String> owners = new HashMap<>();
    result.forEach((member, owned) -> owned.forEach(tp -> {
      assertNull(owners.put(tp, member), () -> tp + " assigned twice");
      assertTrue(topicsOf.get(member).contains(tp.topic()), () -> member + " owns " + tp + " unsubscribed");
    }));
    assertEquals(assignable(input), owners.keySet(), "exactly the assignable partitions are assigned");
  }

  static Map<TopicPartition, String> owners(Map<String, Set<TopicPartition>> assignment) {
    Map<TopicPartition, String> owners = new HashMap<>();
    assignment.forEach((member, owned) -> owned.forEach(tp -> owners.put(tp, member)));
    return owners;
  }

  /** Partitions that had an owner before and have a different one now. */
  static Set<TopicPartition> moved(Map<String, Set<TopicPartition>> before, Map<String, Set<TopicPartition>> after) {
    Map<TopicPartition, String> was = owners(before);
    return owners(after).entrySet().stream()
        .filter(e -> was.containsKey(e.getKey()) && !was.get(e.getKey()).equals(e.getValue()))
        .map(Map.Entry::getKey)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** How many (member, partition) pairs of {@code previous} the assignment kept. */
  static int kept(Map<String, Set<TopicPartition>> previous, Map<String, Set<TopicPartition>> assignment) {
    return assignment.entrySet().stream()
        .mapToInt(e -> (int) e.getValue().stream()
            .filter(tp -> previous.getOrDefault(e.getKey(), Set.of()).contains(tp))
            .count())
        .sum();
  }

  static int maxLoad(Map<String, Set<TopicPartition>> assignment) {
    return loads(assignment).stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  static int minLoad(Map<String, Set<TopicPartition>> assignment) {
    return loads(assignment).stream().mapToInt(Integer::intValue).min().orElse(0);
  }

  static List<Integer> loads(Map<String, Set<TopicPartition>> assignment) {
    return assignment.values().stream().map(Collection::size).toList();
  }

  static Map<String, Integer> loadsByMember(Map<String, Set<TopicPartition>> assignment) {
    return assignment.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size()));
  }
}
