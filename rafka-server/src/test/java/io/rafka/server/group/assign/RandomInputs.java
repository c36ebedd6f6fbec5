package io.rafka.server.group.assign;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;

/**
 * Random groups: 1-12 members out of a pool of 15 ids (the rest appear only as stale owners in previous), 1-5
 * existing topics of 0-40 partitions, subscriptions drawn from seven topic names of which the last two never
 * exist, and a previous assignment that is garbage, disjoint garbage, or another assignor's result for another
 * random group.
 */
final class RandomInputs implements ArbitrarySupplier<AssignmentInput> {
  static final List<String> TOPICS = List.of("t0", "t1", "t2", "t3", "t4", "t5", "t6");
  static final List<String> MEMBER_POOL = IntStream.range(0, 15).mapToObj(i -> "m" + i).toList();

  @Override
  public Arbitrary<AssignmentInput> get() {
    Arbitrary<AssignmentInput> withoutPrevious = withoutPrevious();
    Arbitrary<AssignmentInput> afterAnotherGroup = Combinators
        .combine(withoutPrevious, withoutPrevious, Arbitraries.of(Assignors.all()))
        .as((earlier, now, assignor) -> now.withPrevious(assignor.assign(earlier)));
    return Arbitraries.oneOf(
            Combinators.combine(withoutPrevious, overlappingPrevious()).as(AssignmentInput::withPrevious),
            Combinators.combine(withoutPrevious, disjointPrevious()).as(AssignmentInput::withPrevious),
            afterAnotherGroup)
        // The parts' edge cases multiply into more degenerate groups (one member, no partitions) than there are
        // tries, crowding out the rest; random generation alone makes such groups often enough.
        .withoutEdgeCases();
  }

  static Arbitrary<AssignmentInput> withoutPrevious() {
    return Combinators.combine(memberIds(), Arbitraries.subsetOf(TOPICS).list().ofSize(12), partitionCounts())
        .as((ids, subscriptions, counts) -> {
          List<MemberSubscription> members = new ArrayList<>();
          for (int i = 0; i < ids.size(); i++) {
            members.add(new MemberSubscription(ids.get(i), subscriptions.get(i)));
          }
          return new AssignmentInput(members, counts, Map.of());
        });
  }

  /** 1-12 distinct ids from the pool, sorted as the caller would pass them. */
  static Arbitrary<List<String>> memberIds() {
    return Arbitraries.subsetOf(MEMBER_POOL).ofMinSize(1).ofMaxSize(12).map(ids -> List.copyOf(new TreeSet<>(ids)));
  }

  /** Topics t0.. existing with 0-40 partitions each. */
  static Arbitrary<Map<String, Integer>> partitionCounts() {
    return Arbitraries.integers().between(0, 40).list().ofMinSize(1).ofMaxSize(5).map(counts -> {
      Map<String, Integer> byTopic = new HashMap<>();
      for (int i = 0; i < counts.size(); i++) {
        byTopic.put(TOPICS.get(i), counts.get(i));
      }
      return byTopic;
    });
  }

  /** Owners from the whole pool, partitions of any topic name up to number 44; claims may overlap. */
  static Arbitrary<Map<String, Set<TopicPartition>>> overlappingPrevious() {
    return Arbitraries.maps(Arbitraries.of(MEMBER_POOL), anyPartition().set().ofMaxSize(40)).ofMaxSize(15);
  }

  /** Like {@link #overlappingPrevious()}, but each partition has at most one previous owner. */
  static Arbitrary<Map<String, Set<TopicPartition>>> disjointPrevious() {
    return Arbitraries.maps(anyPartition(), Arbitraries.of(MEMBER_POOL)).ofMaxSize(150).map(ownerOf -> {
      Map<String, Set<TopicPartition>> previous = new HashMap<>();
      ownerOf.forEach((tp, owner) -> previous.computeIfAbsent(owner, o -> new TreeSet<>()).add(tp));
      return previous;
    });
  }

  private static Arbitrary<TopicPartition> anyPartition() {
    return Combinators.combine(Arbitraries.of(TOPICS), Arbitraries.integers().between(0, 44)).as(TopicPartition::new);
  }
}
