package io.rafka.server.group.assign;

import static io.rafka.server.group.assign.Groups.member;
import static io.rafka.server.group.assign.Groups.partitions;
import static io.rafka.server.group.assign.Groups.union;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoundRobinAssignorTest {
  private final PartitionAssignor roundRobin = new RoundRobinAssignor();

  @Test
  void dealsAllPartitionsInTurnAsInKafkasDocs() {
    AssignmentInput input = new AssignmentInput(
        List.of(member("C0", "t0", "t1"), member("C1", "t0", "t1")), Map.of("t0", 3, "t1", 3), Map.of());

    assertEquals(Map.of(
            "C0", union(partitions("t0", 0, 2), partitions("t1", 1)),
            "C1", union(partitions("t0", 1), partitions("t1", 0, 2))),
        roundRobin.assign(input));
  }

  @Test
  void skipsMembersNotSubscribedAsInKafkasDocs() {
    AssignmentInput input = new AssignmentInput(
        List.of(member("C0", "t0"), member("C1", "t0", "t1"), member("C2", "t0", "t1", "t2")),
        Map.of("t0", 1, "t1", 2, "t2", 3),
        Map.of());

    assertEquals(Map.of(
            "C0", partitions("t0", 0),
            "C1", partitions("t1", 0),
            "C2", union(partitions("t1", 1), partitions("t2", 0, 1, 2))),
        roundRobin.assign(input));
  }

  @Test
  void dealsOverMembersInIdOrderWhateverTheListOrder() {
    AssignmentInput input = new AssignmentInput(
        List.of(member("b", "t"), member("a", "t")), Map.of("t", 3), Map.of("b", partitions("t", 0, 1, 2)));

    assertEquals(Map.of("a", partitions("t", 0, 2), "b", partitions("t", 1)), roundRobin.assign(input));
  }
}
