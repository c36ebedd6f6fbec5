package io.rafka.server.group.assign;

import static io.rafka.server.group.assign.Groups.member;
import static io.rafka.server.group.assign.Groups.partitions;
import static io.rafka.server.group.assign.Groups.union;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RangeAssignorTest {
  private final PartitionAssignor range = new RangeAssignor();

  @Test
  void splitsEachTopicIntoRangesAsInKafkasDocs() {
    AssignmentInput input = new AssignmentInput(
        List.of(member("C0", "t0", "t1"), member("C1", "t0", "t1")), Map.of("t0", 3, "t1", 3), Map.of());

    assertEquals(Map.of(
            "C0", union(partitions("t0", 0, 1), partitions("t1", 0, 1)),
            "C1", union(partitions("t0", 2), partitions("t1", 2))),
        range.assign(input));
  }

  @Test
  void givesTheRemainderToTheFirstMembersById() {
    AssignmentInput input = new AssignmentInput(
        List.of(member("c", "t"), member("a", "t"), member("b", "t")), Map.of("t", 8), Map.of());

    assertEquals(Map.of(
            "a", partitions("t", 0, 1, 2),
            "b", partitions("t", 3, 4, 5),
            "c", partitions("t", 6, 7)),
        range.assign(input));
  }

  @Test
  void splitsEachTopicOverItsOwnSubscribersOnly() {
    AssignmentInput input = new AssignmentInput(
        List.of(member("a", "x", "y"), member("b", "y"), member("c", "x", "ghost")),
        Map.of("x", 4, "y", 3, "unsubscribed", 5),
        Map.of("a", partitions("unsubscribed", 0)));

    assertEquals(Map.of(
            "a", union(partitions("x", 0, 1), partitions("y", 0, 1)),
            "b", partitions("y", 2),
            "c", partitions("x", 2, 3)),
        range.assign(input));
  }

  @Test
  void leavesMembersWithNothingToDoEmpty() {
    AssignmentInput input = new AssignmentInput(
        List.of(member("a", "t"), member("b", "t"), member("c", "t"), member("d")), Map.of("t", 2), Map.of());

    assertEquals(Map.of(
            "a", partitions("t", 0),
            "b", partitions("t", 1),
            "c", Set.of(),
            "d", Set.of()),
        range.assign(input));
  }
}
