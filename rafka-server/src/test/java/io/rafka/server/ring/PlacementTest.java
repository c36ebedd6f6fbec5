package io.rafka.server.ring;

import static io.rafka.server.ring.HashRingTest.assertMessageContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class PlacementTest {

  private static final HashRing FIVE_NODES = HashRing.of(List.of(1, 2, 3, 4, 5), 128);

  private static final List<List<Integer>> GOLDEN_ORDERS_8_RF3 = List.of(
      List.of(5, 1, 3), List.of(1, 5, 2), List.of(2, 1, 5), List.of(4, 5, 3),
      List.of(5, 2, 3), List.of(2, 1, 4), List.of(1, 4, 3), List.of(3, 4, 2));

  @Test
  void placementIsPinned() {
    // Every node, client and tool must agree on placement, across versions too; if this changes,
    // existing clusters would reshuffle on upgrade.
    assertEquals(GOLDEN_ORDERS_8_RF3, Placement.assign(FIVE_NODES, "orders", 8, 3));
  }

  @Test
  void rejectsBadArgumentsNamingThem() {
    assertMessageContains("topic", () -> Placement.assign(FIVE_NODES, "", 8, 3));
    assertMessageContains("partitionCount", () -> Placement.assign(FIVE_NODES, "t", 0, 3));
    assertMessageContains("replicationFactor", () -> Placement.assign(FIVE_NODES, "t", 8, 0));
    assertMessageContains("replicationFactor", () -> Placement.assign(FIVE_NODES, "t", 8, 6));
    assertMessageContains("partition", () -> Placement.replicasFor(FIVE_NODES, "t", 8, 8, 3));
    assertMessageContains("partition", () -> Placement.replicasFor(FIVE_NODES, "t", -1, 8, 3));
  }

  @Test
  void replicasForIsOnePartitionOfAssign() {
    List<List<Integer>> all = Placement.assign(FIVE_NODES, "events", 20, 2);
    for (int p = 0; p < 20; p++) {
      assertEquals(all.get(p), Placement.replicasFor(FIVE_NODES, "events", p, 20, 2));
    }
  }

  @Test
  void withEveryNodeAReplicaFollowersKeepRingOrder() {
    // With RF == N the cap is never reached, so followers are the ring walk minus the leader.
    HashRing ring = HashRing.of(List.of(4, 8, 15, 16), 64);
    List<List<Integer>> assignment = Placement.assign(ring, "logs", 40, 4);
    for (int p = 0; p < 40; p++) {
      List<Integer> expected = new ArrayList<>(ring.walk(RingHash.partitionKey("logs", p)));
      expected.remove(assignment.get(p).get(0));
      assertEquals(expected, assignment.get(p).subList(1, 4), "partition " + p);
    }
  }

  @Property(tries = 100)
  void placementIsAPureFunctionOfTheNodeSet(
      @ForAll("nodeSets") List<Integer> nodes,
      @ForAll @AlphaChars @StringLength(min = 1, max = 12) String topic,
      @ForAll @IntRange(min = 1, max = 300) int partitions,
      @ForAll @IntRange(min = 1, max = 3) int replicationFactor) {
    List<Integer> reordered = new ArrayList<>(nodes);
    Collections.reverse(reordered);
    Collections.rotate(reordered, 1);
    List<List<Integer>> first = Placement.assign(HashRing.of(nodes, 64), topic, partitions,
        replicationFactor);
    assertEquals(first, Placement.assign(HashRing.of(nodes, 64), topic, partitions,
        replicationFactor));
    assertEquals(first, Placement.assign(HashRing.of(reordered, 64), topic, partitions,
        replicationFactor));

    assertEquals(partitions, first.size());
    for (List<Integer> replicas : first) {
      assertEquals(replicationFactor, replicas.size());
      assertEquals(replicationFactor, new HashSet<>(replicas).size(), "distinct: " + replicas);
      assertTrue(nodes.containsAll(replicas));
    }
  }

  @Provide
  Arbitrary<List<Integer>> nodeSets() {
    return Arbitraries.integers().between(0, 10_000).set().ofMinSize(3).ofMaxSize(20)
        .map(ArrayList::new);
  }
}
