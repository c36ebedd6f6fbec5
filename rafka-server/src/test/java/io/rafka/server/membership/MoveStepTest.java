package io.rafka.server.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rafka.server.metadata.ReplicaPeer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Replica moves step through configurations Ratis accepts, and never drop below the smaller side. */
class MoveStepTest {
  private static List<ReplicaPeer> ring(Integer... nodes) {
    List<ReplicaPeer> peers = new ArrayList<>();
    for (int i = 0; i < nodes.length; i++) {
      peers.add(new ReplicaPeer(nodes[i], "h:" + nodes[i], nodes.length - i));
    }
    return peers;
  }

  private static List<Integer> ids(List<ReplicaPeer> peers) {
    return peers.stream().map(ReplicaPeer::nodeId).toList();
  }

  @Test
  void replacingOneReplicaIsOneStep() {
    List<ReplicaPeer> target = ring(1, 2, 4);
    assertEquals(target, MoveStep.next(ring(1, 2, 3), target));
  }

  @Test
  void nothingToDoWhenMembersAndPrioritiesMatch() {
    assertTrue(MoveStep.next(ring(1, 2, 3), ring(1, 2, 3)).isEmpty());
  }

  @Test
  void aNewPreferredLeaderIsAPriorityChange() {
    assertEquals(ring(2, 1, 3), MoveStep.next(ring(1, 2, 3), ring(2, 1, 3)));
  }

  @Test
  void replacingAMajorityGoesOneNewReplicaAtATime() {
    List<ReplicaPeer> target = ring(4, 5, 6);
    List<ReplicaPeer> conf = ring(1, 2, 3);
    List<List<Integer>> path = new ArrayList<>();
    while (true) {
      List<ReplicaPeer> next = MoveStep.next(conf, target);
      if (next.isEmpty()) {
        break;
      }
      assertAcceptedByRatis(conf, next);
      path.add(ids(next));
      conf = next;
    }
    assertEquals(List.of(List.of(1, 2, 3, 4), List.of(1, 2, 3, 4, 5), List.of(4, 5, 6)), path);
  }

  @Test
  void aSingleReplicaMovesThroughAPair() {
    List<ReplicaPeer> first = MoveStep.next(ring(1), ring(2));
    assertEquals(List.of(1, 2), ids(first));
    assertEquals(ring(2), MoveStep.next(first, ring(2)));
  }

  @Test
  void randomMovesAlwaysArriveThroughAcceptedSteps() {
    Random random = new Random(42);
    for (int trial = 0; trial < 2000; trial++) {
      int rfFrom = 1 + random.nextInt(4);
      int rfTo = 1 + random.nextInt(4);
      List<Integer> pool = new ArrayList<>(IntStream.rangeClosed(1, 9).boxed().toList());
      java.util.Collections.shuffle(pool, random);
      List<ReplicaPeer> conf = ring(pool.subList(0, rfFrom).toArray(Integer[]::new));
      java.util.Collections.shuffle(pool, random);
      List<ReplicaPeer> target = ring(pool.subList(0, rfTo).toArray(Integer[]::new));
      int floor = Math.min(rfFrom, rfTo);
      for (int steps = 0; ; steps++) {
        assertTrue(steps <= 6, "too many steps from " + conf + " to " + target);
        List<ReplicaPeer> next = MoveStep.next(conf, target);
        if (next.isEmpty()) {
          break;
        }
        assertAcceptedByRatis(conf, next);
        assertTrue(next.size() >= floor, "a step below " + floor + " replicas: " + next);
        conf = next;
      }
      assertEquals(new HashSet<>(target), new HashSet<>(conf));
    }
  }

  /** RaftConfigurationImpl.changeMajority in Ratis 3.3.0: refused unless 1 -> 2 or fewer new than kept. */
  private static void assertAcceptedByRatis(List<ReplicaPeer> current, List<ReplicaPeer> next) {
    Set<Integer> now = new HashSet<>(ids(current));
    long added = next.stream().filter(p -> !now.contains(p.nodeId())).count();
    long kept = next.size() - added;
    boolean single = current.size() == 1 && next.size() == 2 && added == 1;
    assertTrue(single || added < kept, "Ratis refuses " + ids(current) + " -> " + ids(next));
  }
}
