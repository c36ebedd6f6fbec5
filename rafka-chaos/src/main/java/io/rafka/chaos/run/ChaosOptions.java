package io.rafka.chaos.run;

import java.nio.file.Path;
import io.rafka.chaos.nemesis.FaultKind;
import java.time.Duration;
import java.util.List;

/**
 * One chaos run's settings.
 *
 * @param repoRoot the Rafka checkout whose bin/rafka-server.sh runs the nodes
 * @param dir where the run keeps node dirs, histories and its report
 * @param nodes how many nodes run (one more is laid out as the spare a membership change adds)
 * @param partitions partitions of the test topic (replication factor 3)
 * @param seed picks every fault and target; the same seed replays the same choices
 * @param duration the soak's length; ignored by the CI suite, whose length is its fault list
 * @param soak true for a soak (random, overlapping faults for {@code duration}), false for the CI suite
 * @param recordsPerSecond the producers' total steady rate
 * @param network where the nodes' network lives (and so which network faults exist)
 * @param faults faults to run one after another instead of the CI list or a soak; empty for those
 */
public record ChaosOptions(Path repoRoot, Path dir, int nodes, int partitions, long seed, Duration duration,
    boolean soak, int recordsPerSecond, Network network, List<FaultKind> faults) {
  /** Where the nodes' network lives. */
  public enum Network {
    /** Namespaces when this machine allows them (root, ip, iptables), else loopback. */
    AUTO,
    /** Every node on 127.0.0.1; network faults through the pair proxies only. No root needed. */
    LOOPBACK,
    /** A network namespace per node: proxy faults and real partitions made of iptables rules. Root only. */
    NAMESPACES
  }

  public ChaosOptions {
    if (nodes < 3) {
      throw new IllegalArgumentException("a chaos run needs at least 3 nodes (replication factor 3), got " + nodes);
    }
    java.util.Objects.requireNonNull(network, "network");
    faults = List.copyOf(faults);
    if (partitions < 1 || recordsPerSecond < 1) {
      throw new IllegalArgumentException("partitions and records per second must be positive");
    }
  }
}
