package io.rafka.server.group.assign;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Collects one assignment and freezes it into the shape {@link PartitionAssignor#assign} returns; mutable and
 * not thread-safe, used within a single {@code assign} call. Every member gets an entry up front, so members
 * that are given nothing still appear with an empty set.
 */
final class AssignmentBuilder {
  private final Eligibility eligibility;
  private final List<SortedSet<TopicPartition>> owned;

  AssignmentBuilder(Eligibility eligibility) {
    this.eligibility = eligibility;
    this.owned = new ArrayList<>(eligibility.memberCount());
    for (int m = 0; m < eligibility.memberCount(); m++) {
      owned.add(new TreeSet<>());
    }
  }

  void add(int member, int topic, int partition) {
    owned.get(member).add(new TopicPartition(eligibility.topic(topic), partition));
  }

  Map<String, Set<TopicPartition>> build() {
    SortedMap<String, Set<TopicPartition>> result = new TreeMap<>();
    for (int m = 0; m < eligibility.memberCount(); m++) {
      result.put(eligibility.memberId(m), Collections.unmodifiableSortedSet(new TreeSet<>(owned.get(m))));
    }
    return Collections.unmodifiableSortedMap(result);
  }
}
