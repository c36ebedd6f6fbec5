package io.rafka.chaos.nemesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScheduleTest {
  @Test
  void ciSuiteHasEveryRequiredFault() {
    for (long seed = 0; seed < 50; seed++) {
      List<FaultKind> faults = Schedule.ci(new Random(seed), true, false);
      long leaderKills = Collections.frequency(faults, FaultKind.KILL_LEADER)
          + Collections.frequency(faults, FaultKind.CHASE_LEADER);
      assertTrue(leaderKills >= 5, "at least 5 leader kills: " + faults);
      assertTrue(Collections.frequency(faults, FaultKind.PAUSE_LEADER) >= 3, faults::toString);
      assertTrue(Collections.frequency(faults, FaultKind.ISOLATE_LEADER) >= 2, faults::toString);
      assertEquals(1, Collections.frequency(faults, FaultKind.KILL_MAJORITY), faults::toString);
      assertEquals(1, Collections.frequency(faults, FaultKind.KILL_ALL), faults::toString);
      assertEquals(0, Collections.frequency(faults, FaultKind.FIREWALL_ISOLATE_LEADER), "no namespaces: " + faults);
      assertEquals(FaultKind.MEMBERSHIP, faults.get(faults.size() - 1), "membership last: " + faults);
    }
  }

  @Test
  void chaseKillsComeInOneRun() {
    for (long seed = 0; seed < 50; seed++) {
      List<FaultKind> faults = Schedule.ci(new Random(seed), false, false);
      int first = faults.indexOf(FaultKind.CHASE_LEADER);
      assertEquals(Collections.nCopies(Schedule.CHASE_KILLS, FaultKind.CHASE_LEADER),
          faults.subList(first, first + Schedule.CHASE_KILLS), "consecutive chase kills: " + faults);
      assertEquals(Schedule.CHASE_KILLS, Collections.frequency(faults, FaultKind.CHASE_LEADER), faults::toString);
    }
  }

  @Test
  void namespacesAddFirewallPartitions() {
    List<FaultKind> faults = Schedule.ci(new Random(7), true, true);
    assertEquals(2, Collections.frequency(faults, FaultKind.FIREWALL_ISOLATE_LEADER), faults::toString);
    assertEquals(2, Collections.frequency(faults, FaultKind.ISOLATE_LEADER), "proxy partitions stay: " + faults);
  }

  @Test
  void soakPicksFirewallPartitionsOnlyInNamespaces() {
    Random random = new Random(1);
    boolean sawFirewall = false;
    for (int i = 0; i < 2000; i++) {
      assertTrue(Schedule.soakNext(random, false) != FaultKind.FIREWALL_ISOLATE_LEADER);
      sawFirewall |= Schedule.soakNext(random, true) == FaultKind.FIREWALL_ISOLATE_LEADER;
    }
    assertTrue(sawFirewall, "a soak in namespaces includes firewall partitions");
  }
}
