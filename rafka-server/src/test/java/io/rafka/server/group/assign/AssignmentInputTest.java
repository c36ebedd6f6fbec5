package io.rafka.server.group.assign;

import static io.rafka.server.group.assign.Groups.member;
import static io.rafka.server.group.assign.Groups.tp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssignmentInputTest {

  @Test
  void ordersPartitionsByTopicThenNumber() {
    List<TopicPartition> sorted = new ArrayList<>(List.of(tp("b", 0), tp("a", 10), tp("a", 2)));
    sorted.sort(null);
    assertEquals(List.of(tp("a", 2), tp("a", 10), tp("b", 0)), sorted);
    assertEquals("a-10", tp("a", 10).toString());
  }

  @Test
  void rejectsNegativePartitionNumbersAndCounts() {
    assertThrows(IllegalArgumentException.class, () -> tp("t", -1));
    assertThrows(IllegalArgumentException.class,
        () -> new AssignmentInput(List.of(member("a", "t")), Map.of("t", -1), Map.of()));
  }

  @Test
  void rejectsDuplicateMemberIds() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new AssignmentInput(List.of(member("a", "t"), member("a", "u")), Map.of("t", 1), Map.of()));
    assertEquals("duplicate member id: a", e.getMessage());
  }

  @Test
  void copiesWhatItIsGiven() {
    Set<String> topics = new HashSet<>(Set.of("t"));
    MemberSubscription member = new MemberSubscription("a", topics);
    topics.add("u");
    assertEquals(Set.of("t"), member.topics());
  }
}
