package io.rafka.chaos.workload;

import io.rafka.chaos.cluster.ChaosCluster;
import io.rafka.chaos.history.FinalRead;
import io.rafka.chaos.history.FinalReads;
import io.rafka.chaos.history.OffsetValue;
import io.rafka.client.admin.PartitionGroupDescription;
import io.rafka.common.TopicPartition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * After the faults have healed: waits until every replica of every partition has applied what its leader
 * committed, then reads each partition in full from each replica. Stateless.
 */
public final class FinalReader {
  private FinalReader() {}

  /**
   * Reads every replica of every partition. A partition whose replicas do not converge in time is still read
   * (each replica as far as it has it), so that the checker judges what is there; the partitions that did not
   * converge are returned in {@code problems}.
   */
  public static FinalReads readAll(ChaosCluster cluster, String topic, int partitions, Duration timeout,
      List<String> problems) throws InterruptedException {
    List<FinalRead> out = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    for (int p = 0; p < partitions; p++) {
      TopicPartition tp = new TopicPartition(topic, p);
      PartitionGroupDescription group = awaitCaughtUp(cluster, tp, deadline, problems);
      List<Integer> nodes = group == null ? cluster.nodes().stream().filter(n -> n.running())
          .map(n -> n.id()).toList() : group.replicas();
      for (int node : nodes) {
        try (NodeReader reader = new NodeReader(node, cluster.node(node).layout().apiAddress(), topic)) {
          out.add(new FinalRead(p, node, reader.readAll(p)));
        } catch (NodeReader.ReadFailedException e) {
          problems.add("final read of " + tp + " from node " + node + " failed: " + e.getMessage());
        }
      }
    }
    return new FinalReads(out);
  }

  /** The partition once it has a leader, a stable configuration and no replica lagging. */
  private static PartitionGroupDescription awaitCaughtUp(ChaosCluster cluster, TopicPartition tp, long deadline,
      List<String> problems) throws InterruptedException {
    PartitionGroupDescription d = null;
    while (true) {
      d = cluster.describe(tp).orElse(d);
      if (d != null && d.leader() >= 0 && d.configurationStable() && !d.moving()
          && d.replicaStatuses().stream().allMatch(r -> r.lag() == 0 && (r.error() == null || r.error().isEmpty()))) {
        return d;
      }
      if (System.nanoTime() > deadline) {
        problems.add("replicas of " + tp + " did not converge after healing: " + d);
        return d;
      }
      TimeUnit.MILLISECONDS.sleep(250); // between real checks
    }
  }
}
