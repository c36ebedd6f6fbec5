package io.rafka.server.group.assign;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Kafka's {@code sticky} assignor, the default; stateless and thread-safe. It balances like round-robin or
 * better while moving as few partitions as it can, so that a rebalance revokes little.
 *
 * <p>It works in three steps:
 * <ol>
 *   <li>Keep: every partition goes back to the member that owned it before, if that member is still in the
 *       group, still subscribed to the topic, and the partition still exists. A partition claimed by several
 *       members goes to the first of them by member id.
 *   <li>Place: each partition left over goes to the least loaded member subscribed to its topic (lowest member
 *       id on ties), partitions of topics with fewer subscribers first, since they have fewer places to go.
 *   <li>Balance: while some member could shed load to a member with at least two fewer partitions, directly or
 *       through a chain of members passing partitions along ({@link CostReducingPaths}), move along the
 *       shortest such chain from a most loaded member to the least loaded one it reaches.
 * </ol>
 *
 * <p>What this guarantees. The result is as balanced as the subscriptions allow: no valid assignment has a
 * smaller largest load or a larger smallest load; with equal subscriptions, loads differ by at most one. With
 * equal subscriptions it also keeps as many previous (member, partition) pairs as any balanced assignment can:
 * every move then goes from a most to a least loaded member, so a member only ever gives or only ever receives,
 * and none gives down to the smaller share while another receives up to the larger one. Hence when a member
 * joins a balanced group of {@code N} with {@code P} partitions, exactly {@code floor(P / (N + 1))} partitions
 * move, all to the newcomer; when a member leaves, exactly its partitions move; and when nothing changes,
 * nothing moves. With unequal subscriptions the chains are kept short, but fewest moves is not guaranteed.
 */
public final class StickyAssignor implements PartitionAssignor {

  @Override
  public String name() {
    return "sticky";
  }

  @Override
  public Map<String, Set<TopicPartition>> assign(AssignmentInput input) {
    Eligibility eligibility = Eligibility.of(input);
    Placement placement = new Placement(eligibility);
    keepPrevious(input, eligibility, placement);
    placeRest(eligibility, placement);
    balance(eligibility, placement);
    return placement.toAssignment();
  }

  private static void keepPrevious(AssignmentInput input, Eligibility eligibility, Placement placement) {
    // previous is sorted by member id, which settles conflicting claims.
    input.previous().forEach((memberId, owned) -> {
      int member = eligibility.memberIndex(memberId);
      if (member < 0) {
        return;
      }
      for (TopicPartition tp : owned) {
        if (eligibility.mayOwn(member, tp)) {
          int partition = placement.partitionOf(eligibility.topicIndex(tp.topic()), tp.partition());
          if (!placement.isOwned(partition)) {
            placement.keep(member, partition);
          }
        }
      }
    });
  }

  private static void placeRest(Eligibility eligibility, Placement placement) {
    List<Integer> unowned = new ArrayList<>();
    for (int p = 0; p < placement.partitionCount(); p++) {
      if (!placement.isOwned(p)) {
        unowned.add(p);
      }
    }
    // Partition numbers follow topic order, so this sort is stable on (subscribers, topic, partition).
    unowned.sort(Comparator.comparingInt((Integer p) -> eligibility.subscribers(placement.topicOf(p)).length)
        .thenComparingInt(p -> p));
    for (int partition : unowned) {
      int least = -1;
      for (int member : eligibility.subscribers(placement.topicOf(partition))) {
        if (least < 0 || placement.load(member) < placement.load(least)) {
          least = member;
        }
      }
      placement.place(least, partition);
    }
  }

  private static void balance(Eligibility eligibility, Placement placement) {
    // Terminates: each path lowers the sum of squared loads by at least 2, and that sum is never negative.
    for (Optional<List<Move>> path = CostReducingPaths.find(eligibility, placement);
        path.isPresent();
        path = CostReducingPaths.find(eligibility, placement)) {
      for (Move move : path.get()) {
        placement.moveOne(move.topic(), move.from(), move.to());
      }
    }
  }
}
