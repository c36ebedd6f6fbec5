package io.rafka.chaos.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The CI chaos suite: 3 node processes, every fault kind (5 leader kills, 3 leader pauses, 2 network
 * partitions, a majority kill, a kill of every node, follower faults, a clean leader bounce, group-member
 * kills, and a node joining and the leader's node leaving), one at a time, under load. Every safety property
 * of the checker must hold and the run must get through every fault. The seed is printed and
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
    // Safety must hold on every run. The availability bound (writes again within 10 s of a leader kill) is
    // reported in the summary; on this shared 2-core machine it is not yet met on every run (issue 5).
    assertTrue(outcome.safe(), "chaos run with seed " + seed + " failed; see " + dir.resolve("summary.txt"));
  }
}
