package io.rafka.chaos.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rafka.chaos.cluster.ChaosCluster;
import io.rafka.chaos.cluster.ChaosNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node paused longer than Ratis's close threshold loses its Raft server (Ratis closes it after the pause);
 * it must then exit with a code that says so, not linger answering errors, and start again on its data dir.
 * The threshold is lowered to 3 s here so the test does not pause for a minute.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class PausedNodeIT {
  @TempDir
  Path dir;

  @Test
  void aNodeWhoseRaftServerWasClosedExitsAndRestarts() throws Exception {
    // Two nodes laid out (the pair proxies need a pair), one started.
    try (ChaosCluster cluster = ChaosCluster.create(RepoRoot.find(), dir, 2, 1,
        Map.of("raft.server.close.threshold", "3s", "default.replication.factor", "1"), false)) {
      cluster.startFirst(1, Duration.ofSeconds(120));
      ChaosNode node = cluster.node(1);
      node.pause();
      TimeUnit.SECONDS.sleep(6); // the fault under test is a pause of this length
      node.resume();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (node.running() && System.nanoTime() < deadline) {
        TimeUnit.MILLISECONDS.sleep(100); // waiting for a process to exit on its own
      }
      assertTrue(node.exitCode().isPresent(), "the node is still running with its Raft server closed");
      assertEquals(70, node.exitCode().getAsInt());
      cluster.start(1, Duration.ofSeconds(120));
      assertTrue(node.running());
    }
  }
}
