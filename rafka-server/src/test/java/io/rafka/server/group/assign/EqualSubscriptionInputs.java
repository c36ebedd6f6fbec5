package io.rafka.server.group.assign;

import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;

/**
 * Random groups in which every member subscribes to the same topics (some of which may not exist), with a
 * previous assignment in which each partition had at most one owner.
 */
final class EqualSubscriptionInputs implements ArbitrarySupplier<AssignmentInput> {

  @Override
  public Arbitrary<AssignmentInput> get() {
    return Combinators.combine(
            RandomInputs.memberIds(),
            Arbitraries.subsetOf(RandomInputs.TOPICS).ofMinSize(1),
            RandomInputs.partitionCounts(),
            RandomInputs.disjointPrevious())
        .as(EqualSubscriptionInputs::group)
        .withoutEdgeCases();  // as in RandomInputs: they would crowd out everything else
  }

  private static AssignmentInput group(
      List<String> ids, Set<String> topics, Map<String, Integer> counts, Map<String, Set<TopicPartition>> previous) {
    List<MemberSubscription> members = ids.stream().map(id -> new MemberSubscription(id, topics)).toList();
    return new AssignmentInput(members, counts, previous);
  }
}
