package io.rafka.chaos.nemesis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Which faults a run injects, in which order. Stateless. */
public final class Schedule {
  private Schedule() {}

  /** Leader kills in a row on the chased partition. */
  static final int CHASE_KILLS = 5;

  /**
   * The CI suite: every required fault at least the required number of times, in an order shuffled by the
   * seed, the chase (5 kills of one partition's successive leaders) kept together, and the membership change
   * last (it retires a node the other faults would otherwise pick).
   *
   * @param namespaces whether the nodes run in network namespaces (adds firewall partitions)
   */
  public static List<FaultKind> ci(Random random, boolean membership, boolean namespaces) {
    List<FaultKind> faults = new ArrayList<>();
    add(faults, FaultKind.KILL_LEADER, 1);
    add(faults, FaultKind.PAUSE_LEADER, 3);
    add(faults, FaultKind.ISOLATE_LEADER, 2);
    if (namespaces) {
      add(faults, FaultKind.FIREWALL_ISOLATE_LEADER, 2);
    }
    add(faults, FaultKind.KILL_MAJORITY, 1);
    add(faults, FaultKind.KILL_ALL, 1);
    add(faults, FaultKind.KILL_FOLLOWER, 1);
    add(faults, FaultKind.PAUSE_FOLLOWER, 1);
    add(faults, FaultKind.BOUNCE_LEADER, 1);
    add(faults, FaultKind.KILL_GROUP_MEMBER, 2);
    Collections.shuffle(faults, random);
    faults.addAll(random.nextInt(faults.size() + 1), Collections.nCopies(CHASE_KILLS, FaultKind.CHASE_LEADER));
    if (membership) {
      faults.add(FaultKind.MEMBERSHIP);
    }
    return faults;
  }

  /**
   * The next fault of a soak: leader faults most often (they exercise elections and client failover), the
   * heavy ones (majority, everything) rarely. The membership change is run once, by the caller.
   */
  public static FaultKind soakNext(Random random, boolean namespaces) {
    int roll = random.nextInt(100);
    if (roll < 15) {
      return FaultKind.KILL_LEADER;
    } else if (roll < 25) {
      return FaultKind.CHASE_LEADER;
    } else if (roll < 40) {
      return FaultKind.PAUSE_LEADER;
    } else if (roll < 55) {
      return namespaces && random.nextBoolean() ? FaultKind.FIREWALL_ISOLATE_LEADER : FaultKind.ISOLATE_LEADER;
    } else if (roll < 63) {
      return FaultKind.KILL_FOLLOWER;
    } else if (roll < 71) {
      return FaultKind.PAUSE_FOLLOWER;
    } else if (roll < 79) {
      return FaultKind.BOUNCE_LEADER;
    } else if (roll < 83) {
      return FaultKind.KILL_GROUP_MEMBER;
    } else if (roll < 87) {
      return FaultKind.TRUNCATE_FOLLOWER_LOG;
    } else if (roll < 95) {
      return FaultKind.KILL_MAJORITY;
    }
    return FaultKind.KILL_ALL;
  }

  private static void add(List<FaultKind> faults, FaultKind kind, int times) {
    for (int i = 0; i < times; i++) {
      faults.add(kind);
    }
  }
}
