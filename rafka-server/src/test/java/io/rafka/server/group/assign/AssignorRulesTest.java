package io.rafka.server.group.assign;

import static io.rafka.server.group.assign.Groups.assertFollowsRules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The rules every assignor keeps, checked for each of them over random groups. */
class AssignorRulesTest {

  @Provide
  Arbitrary<PartitionAssignor> assignors() {
    return Arbitraries.of(Assignors.all());
  }

  @Property(tries = 1000)
  void assignsEveryAssignablePartitionOnceToASubscriber(
      @ForAll("assignors") PartitionAssignor assignor, @ForAll(supplier = RandomInputs.class) AssignmentInput input) {
    assertFollowsRules(input, assignor.assign(input));
  }

  @Property(tries = 500)
  void dependsOnlyOnTheInputsContent(
      @ForAll("assignors") PartitionAssignor assignor, @ForAll(supplier = RandomInputs.class) AssignmentInput input) {
    assertEquals(assignor.assign(input), assignor.assign(reordered(input)));
    assertEquals(assignor.assign(input), assignor.assign(input));
  }

  @Property(tries = 50)
  void returnsUnmodifiableCollections(
      @ForAll("assignors") PartitionAssignor assignor, @ForAll(supplier = RandomInputs.class) AssignmentInput input) {
    Map<String, Set<TopicPartition>> result = assignor.assign(input);
    assertThrows(UnsupportedOperationException.class, () -> result.put("intruder", Set.of()));
    String someMember = result.keySet().iterator().next();
    assertThrows(UnsupportedOperationException.class,
        () -> result.get(someMember).add(new TopicPartition("t0", 0)));
  }

  /** The same content with members reversed and every map and set rebuilt in another iteration order. */
  private static AssignmentInput reordered(AssignmentInput input) {
    List<MemberSubscription> members = new ArrayList<>();
    for (MemberSubscription member : input.members()) {
      members.add(new MemberSubscription(member.memberId(), new HashSet<>(reversed(member.topics()))));
    }
    Collections.reverse(members);
    Map<String, Integer> counts = new LinkedHashMap<>();
    reversed(input.partitionCounts().keySet()).forEach(topic -> counts.put(topic, input.partitionCounts().get(topic)));
    Map<String, Set<TopicPartition>> previous = new HashMap<>();
    reversed(input.previous().keySet()).forEach(member ->
        previous.put(member, new HashSet<>(reversed(input.previous().get(member)))));
    return new AssignmentInput(members, counts, previous);
  }

  private static <T extends Comparable<T>> List<T> reversed(Set<T> set) {
    List<T> list = new ArrayList<>(new TreeSet<>(set));
    Collections.reverse(list);
    return list;
  }
}
