package io.rafka.server.ring;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counting helpers shared by the placement tests, kept independent of {@link PlacementDiff}. */
final class AssignmentStats {

  private AssignmentStats() {}

  static Map<Integer, Integer> replicasPerNode(
      List<List<Integer>> assignment, Collection<Integer> nodes) {
    Map<Integer, Integer> counts = zeroes(nodes);
    for (List<Integer> replicas : assignment) {
      for (int node : replicas) {
        counts.merge(node, 1, Integer::sum);
      }
    }
    return counts;
  }

  static Map<Integer, Integer> leadersPerNode(
      List<List<Integer>> assignment, Collection<Integer> nodes) {
    Map<Integer, Integer> counts = zeroes(nodes);
    for (List<Integer> replicas : assignment) {
      counts.merge(replicas.get(0), 1, Integer::sum);
    }
    return counts;
  }

  /** Replicas that must be copied: per partition, nodes in {@code after} not in {@code before}. */
  static int moved(List<List<Integer>> before, List<List<Integer>> after) {
    int moved = 0;
    for (int p = 0; p < before.size(); p++) {
      for (int node : after.get(p)) {
        if (!before.get(p).contains(node)) {
          moved++;
        }
      }
    }
    return moved;
  }

  static int spread(Map<Integer, Integer> counts) {
    return counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow()
        - counts.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
  }

  private static Map<Integer, Integer> zeroes(Collection<Integer> nodes) {
    Map<Integer, Integer> counts = new TreeMap<>();
    for (int node : nodes) {
      counts.put(node, 0);
    }
    return counts;
  }
}
