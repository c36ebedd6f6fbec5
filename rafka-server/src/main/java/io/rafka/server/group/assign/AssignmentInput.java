package io.rafka.server.group.assign;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything an assignor is given for one group; immutable and thread-safe. Maps and sets are copied into
 * sorted, unmodifiable ones so that an assignment can never depend on hash iteration order.
 *
 * @param members the members; ids must be unique. Assignors sort them by id, so their order does not matter
 * @param partitionCounts topic name to partition count; a topic missing here does not exist (yet)
 * @param previous member id to what it owned before; may name members that left or partitions that no longer
 *     exist, which assignors ignore
 */
public record AssignmentInput(
    List<MemberSubscription> members,
    Map<String, Integer> partitionCounts,
    Map<String, Set<TopicPartition>> previous) {

  public AssignmentInput {
    members = List.copyOf(members);
    requireUniqueIds(members);
    partitionCounts = sortedCounts(partitionCounts);
    previous = sortedPrevious(previous);
  }

  /** The same group and topics, with {@code previous} as what each member owned before. */
  public AssignmentInput withPrevious(Map<String, Set<TopicPartition>> previous) {
    return new AssignmentInput(members, partitionCounts, previous);
  }

  private static void requireUniqueIds(List<MemberSubscription> members) {
    Set<String> seen = new HashSet<>();
    for (MemberSubscription member : members) {
      if (!seen.add(member.memberId())) {
        throw new IllegalArgumentException("duplicate member id: " + member.memberId());
      }
    }
  }

  private static SortedMap<String, Integer> sortedCounts(Map<String, Integer> counts) {
    SortedMap<String, Integer> sorted = new TreeMap<>(Objects.requireNonNull(counts, "partitionCounts"));
    sorted.forEach((topic, count) -> {
      if (Objects.requireNonNull(count, "partition count of " + topic) < 0) {
        throw new IllegalArgumentException("negative partition count for topic " + topic + ": " + count);
      }
    });
    return Collections.unmodifiableSortedMap(sorted);
  }

  private static SortedMap<String, Set<TopicPartition>> sortedPrevious(Map<String, Set<TopicPartition>> previous) {
    SortedMap<String, Set<TopicPartition>> sorted = new TreeMap<>();
    Objects.requireNonNull(previous, "previous").forEach((member, owned) -> sorted.put(member,
        Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(owned, "previous of " + member)))));
    return Collections.unmodifiableSortedMap(sorted);
  }
}
