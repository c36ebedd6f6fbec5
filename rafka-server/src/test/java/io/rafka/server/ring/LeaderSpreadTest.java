package io.rafka.server.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
 * Preferred leaders. Even spread is not always possible: bounded loads caps the busiest node but
 * not the idlest, and a node holding fewer replicas than P / N cannot lead P / N partitions (in
 * the grid below, ids 1..19 with topic "orders" and 247 partitions at RF 2 leave node 6 with 9
 * replicas against a fair leader share of 13). So where leaders are not within one, the tests
 * check against a matching oracle that no choice of leaders could do better.
 */
class LeaderSpreadTest {

  @Test
  void withEveryNodeInEveryPartitionLeadershipIsExactlyEven() {
    for (int nodes = 3; nodes <= 7; nodes++) {
      List<Integer> ids = IntStream.rangeClosed(1, nodes).boxed().toList();
      List<List<Integer>> assignment =
          Placement.assign(HashRing.of(ids, 128), "orders", nodes * 4, nodes);
      assertEquals(Collections.nCopies(nodes, 4),
          new ArrayList<>(AssignmentStats.leadersPerNode(assignment, ids).values()));
    }
  }

  @Test
  void fourNodesTwelvePartitionsRf3EachLeadThree() {
    List<Integer> ids = List.of(1, 2, 3, 4);
    List<List<Integer>> assignment = Placement.assign(HashRing.of(ids, 128), "orders", 12, 3);
    assertEquals(Map.of(1, 3, 2, 3, 3, 3, 4, 3), AssignmentStats.leadersPerNode(assignment, ids));
  }

  @Test
  void leadershipIsWithinOneAcrossClusterSizesWhereverTheReplicaSetsAllowIt() {
    // 25 of these 288 cases are not within one (10 of the 112 with P >= 100), each because some
    // node holds too few replicas; ids 1..N share their ring points, so one unlucky node recurs.
    for (int nodes = 3; nodes <= 20; nodes++) {
      List<Integer> ids = IntStream.rangeClosed(1, nodes).boxed().toList();
      HashRing ring = HashRing.of(ids, 128);
      for (int replicationFactor = 2; replicationFactor <= 3; replicationFactor++) {
        for (int perNode : new int[] {1, 2, 3, 5, 8, 13, 20, 40}) {
          List<List<Integer>> assignment =
              Placement.assign(ring, "orders", nodes * perNode, replicationFactor);
          if (AssignmentStats.spread(AssignmentStats.leadersPerNode(assignment, ids)) > 1) {
            assertBestPossible(assignment, ids);
          }
        }
      }
    }
  }

  @Property(tries = 200)
  void leadershipIsAsEvenAsTheReplicaSetsAllow(
      @ForAll("nodeSets") List<Integer> nodes,
      @ForAll @AlphaChars @StringLength(min = 1, max = 12) String topic,
      @ForAll @IntRange(min = 1, max = 400) int partitions,
      @ForAll @IntRange(min = 1, max = 3) int replicationFactor,
      @ForAll @IntRange(min = 8, max = 128) int virtualNodes) {
    assertBestPossible(Placement.assign(
        HashRing.of(nodes, virtualNodes), topic, partitions, replicationFactor), nodes);
  }

  @Test
  void oracleRecognisesAnUnevenButFixableChoice() {
    // Guards the property above against an oracle that always says no.
    List<Integer> nodes = List.of(1, 2, 3);
    List<List<Integer>> allOnOne = List.of(List.of(1, 2), List.of(1, 3), List.of(1, 2));
    assertTrue(LeaderOracle.everyPartitionCanBeLedWithin(allOnOne, nodes, 1));
    assertTrue(LeaderOracle.everyNodeCanLeadAtLeast(allOnOne, nodes, 1));
    assertFalse(LeaderOracle.everyNodeCanLeadAtLeast(
        List.of(List.of(1, 2), List.of(2, 1)), nodes, 1));
  }

  private static void assertBestPossible(List<List<Integer>> assignment, List<Integer> nodes) {
    Map<Integer, Integer> leaders = AssignmentStats.leadersPerNode(assignment, nodes);
    int max = Collections.max(leaders.values());
    int min = Collections.min(leaders.values());
    assertFalse(LeaderOracle.everyPartitionCanBeLedWithin(assignment, nodes, max - 1),
        () -> "a lower maximum than " + max + " was possible: " + leaders);
    assertFalse(LeaderOracle.everyNodeCanLeadAtLeast(assignment, nodes, min + 1),
        () -> "a higher minimum than " + min + " was possible: " + leaders);
  }

  @Provide
  Arbitrary<List<Integer>> nodeSets() {
    return Arbitraries.integers().between(0, 10_000).set().ofMinSize(3).ofMaxSize(20)
        .map(ArrayList::new);
  }

  /** Bipartite matching between partitions and nodes, to decide what leader counts are possible. */
  private static final class LeaderOracle {

    /** Whether some choice of leaders has no node leading more than {@code limit}. */
    static boolean everyPartitionCanBeLedWithin(
        List<List<Integer>> assignment, List<Integer> nodes, int limit) {
      if (limit < 0) {
        return false;
      }
      List<List<Integer>> candidates = new ArrayList<>();
      for (List<Integer> replicas : assignment) {
        candidates.add(replicas.stream().map(nodes::indexOf).collect(Collectors.toList()));
      }
      return matched(candidates, nodes.size(), limit) == assignment.size();
    }

    /** Whether some choice of leaders has every node leading at least {@code floor}. */
    static boolean everyNodeCanLeadAtLeast(
        List<List<Integer>> assignment, List<Integer> nodes, int floor) {
      List<List<Integer>> candidates = new ArrayList<>();
      for (int node : nodes) {
        List<Integer> partitions = IntStream.range(0, assignment.size())
            .filter(p -> assignment.get(p).contains(node)).boxed().toList();
        for (int copy = 0; copy < floor; copy++) {
          candidates.add(partitions);
        }
      }
      return matched(candidates, assignment.size(), 1) == candidates.size();
    }

    /** Size of a maximum matching of left items to right slots, each right taking {@code cap}. */
    private static int matched(List<List<Integer>> candidates, int rightCount, int cap) {
      List<List<Integer>> holders = new ArrayList<>();
      for (int r = 0; r < rightCount; r++) {
        holders.add(new ArrayList<>());
      }
      int matched = 0;
      for (int left = 0; left < candidates.size(); left++) {
        if (augment(left, candidates, holders, cap, new boolean[rightCount])) {
          matched++;
        }
      }
      return matched;
    }

    private static boolean augment(int left, List<List<Integer>> candidates,
        List<List<Integer>> holders, int cap, boolean[] visited) {
      for (int right : candidates.get(left)) {
        if (visited[right]) {
          continue;
        }
        visited[right] = true;
        if (holders.get(right).size() < cap) {
          holders.get(right).add(left);
          return true;
        }
        for (int i = 0; i < holders.get(right).size(); i++) {
          int other = holders.get(right).get(i);
          if (augment(other, candidates, holders, cap, visited)) {
            holders.get(right).set(i, left);
            return true;
          }
        }
      }
      return false;
    }
  }
}
