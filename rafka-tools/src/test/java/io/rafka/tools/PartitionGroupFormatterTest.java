package io.rafka.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.rafka.client.admin.ElectionResult;
import io.rafka.client.admin.PartitionGroupDescription;
import io.rafka.client.admin.PartitionGroupDescription.ReplicaStatus;
import io.rafka.client.admin.PartitionReplicas;
import io.rafka.client.errors.RetriableException;
import io.rafka.common.TopicPartition;
import io.rafka.proto.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionGroupFormatterTest {
  private static final ElectionResult OK = new ElectionResult("orders", 0, 1, 1, null);
  private static final ElectionResult FAILED = new ElectionResult("orders", 1, 3, 2,
      new RetriableException(ErrorCode.LEADER_NOT_AVAILABLE, "LEADER_NOT_AVAILABLE: node 3 is catching up"));

  @Test
  void describesAMovingGroupAndItsReplicasByNode() {
    PartitionGroupDescription group = new PartitionGroupDescription("orders", 3, "group-0a1b", 1, 9,
        List.of(1, 2, 3), List.of(1, 2, 4), true, List.of(1, 2, 3, 4), false, List.of(
            new ReplicaStatus(4, "FOLLOWER", 0, 9, 90, 90, 95, 50, 6, ""),
            new ReplicaStatus(1, "LEADER", 3, 9, 100, 99, 101, 50, 0, ""),
            new ReplicaStatus(3, "UNREACHABLE", -1, 0, 0, 0, 0, 0, -1, "deadline exceeded")));

    assertEquals(List.of(
        "Partition:     orders-3",
        "Raft group:    group-0a1b",
        "Leader:        1 (term 9)",
        "Replicas:      1,2,3 (operator override)",
        "Target:        1,2,4 (moving)",
        "Configuration: joint (changing), voters 1,2,3,4",
        "",
        "NODE ROLE        PRIORITY TERM COMMIT APPLIED LAST   SNAPSHOT LAG ERROR",
        "1    LEADER      3        9    100    99      101    50       0   -",
        "3    UNREACHABLE -        0    0      0       0      0        -   deadline exceeded",
        "4    FOLLOWER    0        9    90     90      95     50       6   -"),
        PartitionGroupFormatter.describe(group));
  }

  @Test
  void aSettledGroupWithoutLeaderHasNoTarget() {
    PartitionGroupDescription group = new PartitionGroupDescription("audit", 0, "g", -1, 2, List.of(2),
        List.of(), false, List.of(2), true, List.of());

    List<String> lines = PartitionGroupFormatter.describe(group);

    assertEquals("Leader:        - (term 2)", lines.get(2));
    assertEquals("Replicas:      2", lines.get(3));
    assertEquals("Target:        none", lines.get(4));
    assertEquals("Configuration: stable, voters 2", lines.get(5));
  }

  @Test
  void aReplicaChangeIsOneLine() {
    assertEquals(List.of("orders-3: replicas 1,2,4, leader -"),
        PartitionGroupFormatter.replicas(new TopicPartition("orders", 3), new PartitionReplicas(List.of(1, 2, 4),
            -1)));
  }

  @Test
  void electionsByPartitionWithEachOutcome() {
    assertEquals(List.of(
        "TOPIC           PARTITION PREFERRED LEADER RESULT",
        "orders          0         1         1      ok",
        "orders          1         3         2      LEADER_NOT_AVAILABLE: node 3 is catching up"),
        PartitionGroupFormatter.elections(List.of(FAILED, OK)));
    assertEquals(List.of("Every partition asked about is led by its preferred replica; nothing to elect."),
        PartitionGroupFormatter.elections(List.of()));
  }

  @Test
  void failedElectionsMakeOneLineNamingTheFirst() {
    assertEquals("1 of 2 preferred leader elections failed; orders-1: LEADER_NOT_AVAILABLE: node 3 is catching up",
        PartitionGroupFormatter.electionFailure(List.of(OK, FAILED)));
    assertNull(PartitionGroupFormatter.electionFailure(List.of(OK)));
  }
}
