package io.rafka.server.ring;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.hash.Hashing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class HashRingTest {

  private static final long NODE_7_POINT_3 = -8319871806290667563L;
  private static final long ORDERS_PARTITION_5 = 3210322574435710117L;

  @Test
  void hashesAreMurmur3OfUtf8StringsAndPinned() {
    // Pinned so that a change of hash function, seed or key format, which would silently move
    // every partition of a live cluster, fails here first.
    assertEquals(
        Hashing.murmur3_128().hashBytes("node:7#3".getBytes(UTF_8)).asLong(),
        RingHash.nodePoint(7, 3));
    assertEquals(
        Hashing.murmur3_128().hashBytes("partition:orders/5".getBytes(UTF_8)).asLong(),
        RingHash.partitionKey("orders", 5));
    assertEquals(NODE_7_POINT_3, RingHash.nodePoint(7, 3));
    assertEquals(ORDERS_PARTITION_5, RingHash.partitionKey("orders", 5));
  }

  @Test
  void nodesAreSortedWhateverTheInputOrder() {
    HashRing ring = HashRing.of(List.of(30, 10, 20), 8);
    assertEquals(List.of(10, 20, 30), ring.nodes());
    assertEquals(8, ring.virtualNodesPerNode());
  }

  @Test
  void rejectsBadArgumentsNamingThem() {
    assertMessageContains("nodeIds", () -> HashRing.of(List.of(), 8));
    assertMessageContains("nodeIds", () -> HashRing.of(List.of(1, -2), 8));
    assertMessageContains("nodeIds", () -> HashRing.of(List.of(1, 2, 1), 8));
    assertMessageContains("nodeIds", () -> HashRing.of(Arrays.asList(1, null), 8));
    assertMessageContains("virtualNodesPerNode", () -> HashRing.of(List.of(1), 0));
    assertMessageContains("virtualNodesPerNode", () -> HashRing.of(List.of(1), -5));
    assertMessageContains(
        "virtualNodesPerNode", () -> HashRing.of(List.of(1, 2), HashRing.MAX_POINTS / 2 + 1));
  }

  @Test
  void walkOfASingleNodeRingIsThatNode() {
    HashRing ring = HashRing.of(List.of(42), 1);
    assertEquals(List.of(42), ring.walk(Long.MIN_VALUE));
    assertEquals(List.of(42), ring.walk(Long.MAX_VALUE));
  }

  @Property(tries = 200)
  void walkMatchesABruteForceScanOfTheRing(
      @ForAll("nodeSets") List<Integer> nodes,
      @ForAll @IntRange(min = 1, max = 50) int virtualNodes,
      @ForAll("probes") long probe) {
    HashRing ring = HashRing.of(nodes, virtualNodes);
    List<long[]> points = new ArrayList<>();
    for (int node : nodes) {
      for (int i = 0; i < virtualNodes; i++) {
        points.add(new long[] {RingHash.nodePoint(node, i), node});
      }
    }
    points.sort(Comparator.<long[]>comparingLong(point -> point[0]).thenComparingLong(p -> p[1]));
    List<Long> probes = List.of(probe, points.get(0)[0], points.get(points.size() - 1)[0],
        points.get(points.size() / 2)[0], points.get(points.size() / 2)[0] + 1,
        Long.MIN_VALUE, Long.MAX_VALUE);
    for (long hash : probes) {
      Set<Integer> expected = new LinkedHashSet<>();
      for (long[] point : points) {
        if (point[0] >= hash) {
          expected.add((int) point[1]);
        }
      }
      for (long[] point : points) {
        expected.add((int) point[1]);
      }
      assertEquals(new ArrayList<>(expected), ring.walk(hash), "walk from " + hash);
    }
  }

  @Property(tries = 100)
  void ringDoesNotDependOnTheOrderNodesAreGivenIn(
      @ForAll("nodeSets") List<Integer> nodes, @ForAll("probes") long probe) {
    List<Integer> shuffled = new ArrayList<>(nodes);
    Collections.reverse(shuffled);
    Collections.rotate(shuffled, nodes.size() / 2);
    HashRing ring = HashRing.of(nodes, 16);
    HashRing other = HashRing.of(shuffled, 16);
    assertEquals(ring.nodes(), other.nodes());
    assertEquals(ring.walk(probe), other.walk(probe));
    assertTrue(ring.walk(probe).containsAll(nodes));
  }

  @Provide
  Arbitrary<List<Integer>> nodeSets() {
    return Arbitraries.integers().between(0, 10_000).set().ofMinSize(1).ofMaxSize(20)
        .map(ArrayList::new);
  }

  @Provide
  Arbitrary<Long> probes() {
    return Arbitraries.longs();
  }

  static void assertMessageContains(String argument, Runnable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
    assertTrue(e.getMessage().contains(argument), () -> "message should name " + argument + ": "
        + e.getMessage());
  }
}
