package io.rafka.server.group.assign;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Finds chains of moves that make a placement more balanced; stateless and thread-safe.
 *
 * <p>A cost-reducing path runs from a member with load {@code L} to a member with load at most {@code L - 2}:
 * the first member gives a partition to the second member on the path, which gives one (of another topic) to
 * the third, and so on, so only the two ends change load and the sum of squared loads drops by at least 2. A
 * placement with no such path is as balanced as any placement can be: its largest load is the smallest and its
 * smallest load the largest that the subscriptions allow (Harvey, Ladner, Lovász and Tamir, "Semi-matchings
 * for bipartite graphs and load balancing", 2003), so it is never less balanced than round-robin or range.
 */
final class CostReducingPaths {
  private static final int NONE = -1;

  private CostReducingPaths() {}

  /**
   * A cost-reducing path, or empty if there is none. It starts at a most loaded member that has one and ends at
   * the least loaded member that member can reach, by the fewest moves, since every move costs stickiness.
   * When everyone may own every partition this is a single move from a most to a least loaded member, which
   * is what keeps the number of moved partitions minimal.
   */
  static Optional<List<Move>> find(Eligibility eligibility, Placement placement) {
    int max = Integer.MIN_VALUE;
    int min = Integer.MAX_VALUE;
    for (int m = 0; m < eligibility.memberCount(); m++) {
      max = Math.max(max, placement.load(m));
      min = Math.min(min, placement.load(m));
    }
    // Sources at one load level at a time: a member that cannot reach a load of level - 2 cannot reach a lower
    // one either, so no level needs its higher members as sources again.
    for (int level = max; level - 2 >= min; level--) {
      Optional<List<Move>> path = fromLevel(eligibility, placement, level);
      if (path.isPresent()) {
        return path;
      }
    }
    return Optional.empty();
  }

  private static Optional<List<Move>> fromLevel(Eligibility eligibility, Placement placement, int level) {
    int members = eligibility.memberCount();
    int[] cameFrom = new int[members];
    int[] viaTopic = new int[members];
    Arrays.fill(cameFrom, NONE);
    boolean[] reached = new boolean[members];
    boolean[] expanded = new boolean[eligibility.topicCount()];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    // Highest id first, so that when loads must differ the extra partitions stay with the lowest ids, as in range.
    for (int m = members - 1; m >= 0; m--) {
      if (placement.load(m) == level) {
        reached[m] = true;
        queue.add(m);
      }
    }
    int target = NONE;
    while (!queue.isEmpty()) {
      int member = queue.poll();
      if (placement.load(member) <= level - 2 && (target == NONE || placement.load(member) < placement.load(target))) {
        target = member;
      }
      for (int topic = 0; topic < eligibility.topicCount(); topic++) {
        // Expanding a topic once is enough: every subscriber is reachable from the first member that owns some.
        if (!expanded[topic] && placement.ownsAnyOf(member, topic)) {
          expanded[topic] = true;
          for (int next : eligibility.subscribers(topic)) {
            if (!reached[next]) {
              reached[next] = true;
              cameFrom[next] = member;
              viaTopic[next] = topic;
              queue.add(next);
            }
          }
        }
      }
    }
    if (target == NONE) {
      return Optional.empty();
    }
    List<Move> path = new ArrayList<>();
    for (int member = target; cameFrom[member] != NONE; member = cameFrom[member]) {
      path.add(new Move(cameFrom[member], member, viaTopic[member]));
    }
    Collections.reverse(path);
    return Optional.of(path);
  }
}
