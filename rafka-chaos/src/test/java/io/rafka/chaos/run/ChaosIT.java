package io.rafka.chaos.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The CI chaos suite: 3 node processes, every fault kind (6 leader kills, 5 of them chasing one partition's
 * leader, 3 leader pauses, 2 network partitions through the proxies and, as root, 2 made of iptables rules
 * between network namespaces, a majority kill, a kill of every node, follower faults, a clean leader bounce,
 * group-member kills, and a node joining and the leader's node leaving), one at a time, under load. Every
 * safety property of the checker must hold, the run must get through every fault, and every partition must take
 * writes again within 10 s of each leader kill. The seed is printed and
 * can be set with -Dchaos.seed to replay a run; a failed run's directory stays under target/chaos-runs.
 */
@Timeout(value = 25, unit = TimeUnit.MINUTES)
class ChaosIT {
  @Test
  void nothingAcknowledgedIsLostUnderFaults() throws Exception {
    long seed = Long.getLong("chaos.seed", System.currentTimeMillis());
    Path dir = Path.of("target", "chaos-runs", Long.toString(seed)).toAbsolutePath();
    ChaosRun.Outcome outcome = ChaosRun.run(new ChaosOptions(RepoRoot.find(), dir, 3, 6, seed, Duration.ZERO,
        false, 300, ChaosOptions.Network.AUTO, List.of()));
    // Safety, every fault gone through, and writes again within 10 s of each leader kill.
    assertTrue(outcome.passed(), "chaos run with seed " + seed + " failed; see " + dir.resolve("summary.txt"));
  }
}
