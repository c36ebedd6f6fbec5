package io.rafka.server.ring;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
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
 * How many replicas move when one node joins or leaves. The ideal is the new (or departing) node's
 * fair share, RF * P / N for the larger cluster of N nodes; plain consistent hashing achieves it in
 * expectation, and bounded loads adds a cascade when a partition displaced by a full node displaces
 * another.
 *
 * <p>Measured, 60,000 random clusters (N 4..21, P 100..1000, RF 1..3, 64 and 128 virtual nodes):
 * moved/ideal averaged 1.06-1.07; the cascade (moves not forced by the node itself) was 1.6-2.4% of
 * the forced moves in total. The tail is in tight clusters, where each node's fair share is about 5
 * replicas so the cap leaves one slot of slack (N 20, P about 100, RF 1): there the worst seen was
 * 28 replicas for an ideal of 5.8 (moved - 2 * ideal = 16.4, cascade - ideal = 16.4, over 40,000
 * such clusters); with RF 2 or 3 at P 100 it was 9.0 and 6.0. The per-cluster bounds below add
 * about half again to those worst cases; the aggregate test pins the typical behaviour.
 */
class MovementTest {

  /** Worst seen excess was 16.4 replicas, in the tightest clusters (see class comment). */
  private static final int CASCADE_ALLOWANCE = 24;

  private static final int VIRTUAL_NODES = 128;

  @Property(tries = 300)
  void joiningMovesAboutTheNewNodesShare(
      @ForAll("clusters") List<Integer> nodes,
      @ForAll @IntRange(min = 0, max = 19) int joinerIndex,
      @ForAll @AlphaChars @StringLength(min = 1, max = 12) String topic,
      @ForAll @IntRange(min = 100, max = 1000) int partitions,
      @ForAll @IntRange(min = 1, max = 3) int replicationFactor) {
    Change change = Change.of(nodes, joinerIndex % nodes.size(), topic, partitions,
        replicationFactor);
    int moved = AssignmentStats.moved(change.without, change.with);
    assertTrue(moved <= 2 * change.ideal() + CASCADE_ALLOWANCE,
        () -> "moved " + moved + ", ideal " + change.ideal());
  }

  @Property(tries = 300)
  void leavingMovesItsReplicasPlusASmallCascade(
      @ForAll("clusters") List<Integer> nodes,
      @ForAll @IntRange(min = 0, max = 19) int leaverIndex,
      @ForAll @AlphaChars @StringLength(min = 1, max = 12) String topic,
      @ForAll @IntRange(min = 100, max = 1000) int partitions,
      @ForAll @IntRange(min = 1, max = 3) int replicationFactor) {
    Change change = Change.of(nodes, leaverIndex % nodes.size(), topic, partitions,
        replicationFactor);
    int moved = AssignmentStats.moved(change.with, change.without);
    int forced = change.replicasOnChangedNode();
    assertTrue(moved >= forced, "every replica on the leaver must move");
    int cascade = moved - forced;
    assertTrue(cascade <= change.ideal() + CASCADE_ALLOWANCE,
        () -> "cascade " + cascade + ", ideal " + change.ideal());
  }

  @Test
  void onAverageMovementIsCloseToIdealAndTheCascadeSmall() {
    Random random = new Random(20240601);
    double ratioSum = 0;
    long forcedSum = 0;
    long cascadeSum = 0;
    int clusters = 200;
    for (int i = 0; i < clusters; i++) {
      TreeSet<Integer> ids = new TreeSet<>();
      int size = 4 + random.nextInt(17);
      while (ids.size() < size) {
        ids.add(random.nextInt(10_000));
      }
      Change change = Change.of(new ArrayList<>(ids), random.nextInt(size),
          "topic-" + random.nextInt(1_000_000), 100 + random.nextInt(901),
          1 + random.nextInt(3));
      int moved = AssignmentStats.moved(change.with, change.without);
      ratioSum += moved / change.ideal();
      forcedSum += change.replicasOnChangedNode();
      cascadeSum += moved - change.replicasOnChangedNode();
    }
    // Measured with this seed: mean moved/ideal 1.06, cascade 1.5% of forced moves.
    double meanRatio = ratioSum / clusters;
    double cascadeShare = (double) cascadeSum / forcedSum;
    assertTrue(meanRatio <= 1.15, "mean moved/ideal " + meanRatio);
    assertTrue(cascadeShare <= 0.08, "cascade/forced " + cascadeShare);
  }

  @Provide
  Arbitrary<List<Integer>> clusters() {
    return Arbitraries.integers().between(0, 10_000).set().ofMinSize(4).ofMaxSize(20)
        .map(ArrayList::new);
  }

  /** Placements of one topic with and without one node of {@code nodes}. */
  private record Change(
      List<List<Integer>> with, List<List<Integer>> without, int nodeCount, int changedNode,
      int replicationFactor) {

    static Change of(List<Integer> nodes, int changedIndex, String topic, int partitions,
        int replicationFactor) {
      List<Integer> fewer = new ArrayList<>(nodes);
      int changedNode = fewer.remove(changedIndex);
      return new Change(
          Placement.assign(HashRing.of(nodes, VIRTUAL_NODES), topic, partitions,
              replicationFactor),
          Placement.assign(HashRing.of(fewer, VIRTUAL_NODES), topic, partitions,
              replicationFactor),
          nodes.size(), changedNode, replicationFactor);
    }

    /** The changed node's fair share of the larger cluster. */
    double ideal() {
      return (double) replicationFactor * with.size() / nodeCount;
    }

    int replicasOnChangedNode() {
      return (int) with.stream().filter(replicas -> replicas.contains(changedNode)).count();
    }
  }
}
