package io.rafka.server.group.assign;

import static io.rafka.server.group.assign.Groups.assertFollowsRules;
import static io.rafka.server.group.assign.Groups.assignable;
import static io.rafka.server.group.assign.Groups.kept;
import static io.rafka.server.group.assign.Groups.maxLoad;
import static io.rafka.server.group.assign.Groups.minLoad;
import static io.rafka.server.group.assign.Groups.moved;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Balance and stickiness of the sticky assignor.
 *
 * <p>The join bound. With equal subscriptions, {@code P} assignable partitions and {@code N} members of a
 * balanced group, each member owns {@code q = floor(P/N)} or {@code q + 1}. After one member joins, any balanced
 * assignment gives everyone {@code f = floor(P/(N+1))} or {@code f + 1}, with {@code c = P mod (N+1)} members
 * on {@code f + 1}. The newcomer owns nothing yet, so at least {@code f} partitions must move. {@code f} is
 * also enough: every old member already owns at least {@code f} (as {@code q >= f}), and at least {@code c} of
 * them own {@code f + 1} or more (if {@code q > f} all {@code N >= c} do; if {@code q = f} then
 * {@code c = (P mod N) - q}, no more than the {@code P mod N} members on {@code q + 1}), so the old members can
 * keep {@code f} or {@code f + 1} each as needed and hand the newcomer exactly {@code f}. The assignor reaches
 * that minimum, so the tested bound is exact: {@code floor(P/(N+1))}, within the {@code ceil(P/(N+1))} asked of
 * it with no slack needed.
 */
class StickyAssignorPropertiesTest {
  private final PartitionAssignor sticky = new StickyAssignor();

  @Property(tries = 500)
  void loadsDifferByAtMostOneWhenSubscriptionsAreEqual(
      @ForAll(supplier = EqualSubscriptionInputs.class) AssignmentInput input) {
    Map<String, Set<TopicPartition>> result = sticky.assign(input);
    assertTrue(maxLoad(result) - minLoad(result) <= 1, () -> "loads " + Groups.loadsByMember(result));
  }

  @Property(tries = 500)
  void isNeverLessBalancedThanAnyOtherValidAssignment(
      @ForAll(supplier = RandomInputs.class) AssignmentInput input, @ForAll Random random) {
    Map<String, Set<TopicPartition>> result = sticky.assign(input);
    List<Map<String, Set<TopicPartition>>> others = List.of(
        new RoundRobinAssignor().assign(input), new RangeAssignor().assign(input), randomValid(input, random));
    for (Map<String, Set<TopicPartition>> other : others) {
      assertTrue(maxLoad(result) <= maxLoad(other), () -> "max load above that of " + other);
      assertTrue(minLoad(result) >= minLoad(other), () -> "min load below that of " + other);
    }
  }

  /**
   * With equal subscriptions, a balanced assignment gives {@code c = P mod N} members {@code f + 1 = floor(P/N)
   * + 1} partitions and the rest {@code f}; a member that had {@code l} valid partitions keeps at most
   * {@code min(l, its share)}, so the best any balanced assignment can keep is the sum of {@code min(l, f)} plus
   * one for each of up to {@code c} members that had more than {@code f}.
   */
  @Property(tries = 500)
  void keepsAsManyPreviousPairsAsAnyBalancedAssignment(
      @ForAll(supplier = EqualSubscriptionInputs.class) AssignmentInput input) {
    Set<TopicPartition> assignable = assignable(input);
    int members = input.members().size();
    int share = assignable.size() / members;
    int best = 0;
    int couldTakeOneMore = 0;
    for (MemberSubscription member : input.members()) {
      long valid = input.previous().getOrDefault(member.memberId(), Set.of()).stream()
          .filter(assignable::contains)
          .count();
      best += (int) Math.min(valid, share);
      couldTakeOneMore += valid > share ? 1 : 0;
    }
    best += Math.min(assignable.size() % members, couldTakeOneMore);

    assertEquals(best, kept(input.previous(), sticky.assign(input)));
  }

  @Property(tries = 500)
  void aJoiningMemberTakesFloorOfItsShareAndNothingElseMoves(
      @ForAll(supplier = EqualSubscriptionInputs.class) AssignmentInput input,
      @ForAll @IntRange(min = 0, max = 14) int pick) {
    Map<String, Set<TopicPartition>> before = sticky.assign(input);
    Set<String> topics = input.members().get(0).topics();
    String joiner = freeId(input, pick);
    List<MemberSubscription> members = new ArrayList<>(input.members());
    members.add(new MemberSubscription(joiner, topics));
    AssignmentInput joined = new AssignmentInput(members, input.partitionCounts(), before);

    Map<String, Set<TopicPartition>> after = sticky.assign(joined);

    int partitions = assignable(input).size();
    Set<TopicPartition> moved = moved(before, after);
    assertEquals(partitions / members.size(), moved.size());
    assertTrue(moved.size() <= ceilDiv(partitions, members.size()));
    assertEquals(after.get(joiner), moved);
    assertTrue(maxLoad(after) - minLoad(after) <= 1);
  }

  @Property(tries = 500)
  void aLeavingMembersPartitionsAreExactlyTheOnesThatMove(
      @ForAll(supplier = EqualSubscriptionInputs.class) AssignmentInput input,
      @ForAll @IntRange(min = 0, max = 11) int pick) {
    Assume.that(input.members().size() >= 2);
    Map<String, Set<TopicPartition>> before = sticky.assign(input);
    List<MemberSubscription> members = new ArrayList<>(input.members());
    String leaver = members.remove(pick % members.size()).memberId();
    AssignmentInput left = new AssignmentInput(members, input.partitionCounts(), before);

    Map<String, Set<TopicPartition>> after = sticky.assign(left);

    assertFollowsRules(left, after);
    assertEquals(before.get(leaver), moved(before, after));
    assertTrue(maxLoad(after) - minLoad(after) <= 1);
  }

  @Property(tries = 500)
  void whenNothingChangesNothingMoves(@ForAll(supplier = RandomInputs.class) AssignmentInput input) {
    Map<String, Set<TopicPartition>> result = sticky.assign(input);
    assertEquals(result, sticky.assign(input.withPrevious(result)));
  }

  /** Each assignable partition to a random subscriber of its topic. */
  private static Map<String, Set<TopicPartition>> randomValid(AssignmentInput input, Random random) {
    Map<String, Set<TopicPartition>> result = new HashMap<>();
    input.members().forEach(m -> result.put(m.memberId(), new TreeSet<>()));
    for (TopicPartition tp : new TreeSet<>(assignable(input))) {
      List<String> subscribers = input.members().stream()
          .filter(m -> m.topics().contains(tp.topic()))
          .map(MemberSubscription::memberId)
          .toList();
      result.get(subscribers.get(random.nextInt(subscribers.size()))).add(tp);
    }
    return result;
  }

  /** A pool id not in the group, the first at or after {@code pick}, wrapping around. */
  private static String freeId(AssignmentInput input, int pick) {
    List<String> pool = RandomInputs.MEMBER_POOL;
    for (int i = 0; ; i++) {
      String id = pool.get((pick + i) % pool.size());
      if (input.members().stream().noneMatch(m -> m.memberId().equals(id))) {
        return id;
      }
    }
  }

  private static int ceilDiv(int dividend, int divisor) {
    return (dividend + divisor - 1) / divisor;
  }
}
