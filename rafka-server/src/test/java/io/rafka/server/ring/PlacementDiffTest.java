package io.rafka.server.ring;

import static io.rafka.server.ring.HashRingTest.assertMessageContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlacementDiffTest {

  @Test
  void identicalPlacementsHaveNoChanges() {
    List<List<Integer>> placement = List.of(List.of(1, 2), List.of(2, 3));
    PlacementDiff diff = PlacementDiff.between(placement, placement);
    assertTrue(diff.isEmpty());
    assertEquals(0, diff.movedReplicas());
    assertEquals(0, diff.leaderChanges());
  }

  @Test
  void listsAddedAndRemovedReplicasOfChangedPartitionsOnly() {
    PlacementDiff diff = PlacementDiff.between(
        List.of(List.of(1, 2, 3), List.of(2, 3, 4), List.of(3, 4, 1)),
        List.of(List.of(1, 2, 3), List.of(5, 3, 4), List.of(3, 5, 2)));
    assertEquals(2, diff.changes().size());

    PartitionChange first = diff.changes().get(0);
    assertEquals(1, first.partition());
    assertEquals(List.of(5), first.added());
    assertEquals(List.of(2), first.removed());
    assertTrue(first.leaderChanged());

    PartitionChange second = diff.changes().get(1);
    assertEquals(2, second.partition());
    assertEquals(List.of(5, 2), second.added());
    assertEquals(List.of(4, 1), second.removed());
    assertFalse(second.leaderChanged());

    assertEquals(3, diff.movedReplicas());
    assertEquals(1, diff.leaderChanges());
  }

  @Test
  void aNewPreferredLeaderAloneIsAChangeWithoutMoves() {
    PlacementDiff diff = PlacementDiff.between(List.of(List.of(1, 2)), List.of(List.of(2, 1)));
    PartitionChange change = diff.changes().get(0);
    assertEquals(List.of(), change.added());
    assertEquals(List.of(), change.removed());
    assertTrue(change.leaderChanged());
    assertEquals(0, diff.movedReplicas());
  }

  @Test
  void countsTheSameMovesAsAJoinActuallyNeeds() {
    List<List<Integer>> before = Placement.assign(HashRing.of(List.of(1, 2, 3, 4), 64), "t", 50, 3);
    List<List<Integer>> after =
        Placement.assign(HashRing.of(List.of(1, 2, 3, 4, 5), 64), "t", 50, 3);
    PlacementDiff diff = PlacementDiff.between(before, after);
    assertEquals(AssignmentStats.moved(before, after), diff.movedReplicas());
    assertTrue(diff.movedReplicas() > 0);
    for (PartitionChange change : diff.changes()) {
      assertEquals(before.get(change.partition()), change.before());
      assertEquals(after.get(change.partition()), change.after());
    }
  }

  @Test
  void rejectsMismatchedInputNamingIt() {
    assertMessageContains("before and after",
        () -> PlacementDiff.between(List.of(List.of(1)), List.of(List.of(1), List.of(2))));
    assertMessageContains("before and after",
        () -> PlacementDiff.between(List.of(List.of()), List.of(List.of(1))));
  }
}
