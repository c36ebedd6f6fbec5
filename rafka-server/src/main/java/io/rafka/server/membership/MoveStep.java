package io.rafka.server.membership;

import io.rafka.server.metadata.ReplicaPeer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The next Raft configuration on a partition's way from its current voters to a target replica set. Ratis
 * (RATIS-1912) refuses a change that brings in at least as many new voters as it keeps old ones, because the
 * new members could elect a leader without the data; so a move that replaces a majority goes in steps: add
 * one new replica at a time (the group grows past its replication factor, never below it), then drop the old
 * ones in a final change. Each step is a joint-consensus change in which Ratis first catches the new replica
 * up. Stateless and thread-safe.
 */
public final class MoveStep {
  private MoveStep() {}

  /**
   * The voters (with priorities) of the next configuration, or an empty list when {@code current} already is
   * {@code target}, priorities included.
   *
   * @param current the group's current voters, with their priorities
   * @param target the target voters, with their priorities (the preferred leader highest)
   */
  public static List<ReplicaPeer> next(List<ReplicaPeer> current, List<ReplicaPeer> target) {
    Map<Integer, Integer> currentPriority = priorities(current);
    Map<Integer, Integer> targetPriority = priorities(target);
    if (currentPriority.equals(targetPriority)) {
      return List.of();
    }
    List<ReplicaPeer> added = target.stream().filter(p -> !currentPriority.containsKey(p.nodeId())).toList();
    long kept = target.size() - added.size();
    boolean singleToPair = current.size() == 1 && target.size() == 2 && added.size() == 1;
    if (added.size() < kept || singleToPair) {
      return target;
    }
    // Keep every current voter (those leaving drop to the lowest priority) and add one new one.
    Set<Integer> targetIds = targetPriority.keySet();
    List<ReplicaPeer> step = new ArrayList<>();
    for (ReplicaPeer p : current) {
      step.add(new ReplicaPeer(p.nodeId(), p.raftAddress(),
          targetIds.contains(p.nodeId()) ? targetPriority.get(p.nodeId()) : 0));
    }
    step.add(added.get(0));
    return step;
  }

  /** Whether {@code next} is the final step (the target itself). */
  public static boolean isFinal(List<ReplicaPeer> next, List<ReplicaPeer> target) {
    return priorities(next).equals(priorities(target));
  }

  /** The nodes {@code next} adds to {@code current}. */
  public static List<Integer> addedBy(List<ReplicaPeer> current, List<ReplicaPeer> next) {
    Set<Integer> now = current.stream().map(ReplicaPeer::nodeId).collect(Collectors.toSet());
    return next.stream().map(ReplicaPeer::nodeId).filter(n -> !now.contains(n)).toList();
  }

  private static Map<Integer, Integer> priorities(List<ReplicaPeer> peers) {
    Map<Integer, Integer> m = new HashMap<>();
    peers.forEach(p -> m.put(p.nodeId(), p.priority()));
    return m;
  }
}
