package io.rafka.chaos.nemesis;

import io.rafka.chaos.cluster.ChaosCluster;
import io.rafka.chaos.cluster.ChaosNode;
import io.rafka.client.admin.ClusterStatus;
import io.rafka.client.admin.NodeStatus;
import io.rafka.client.admin.RafkaAdmin;
import io.rafka.common.TopicPartition;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;

/**
 * A membership change under load: a spare node (laid out but never started) joins the ring and takes its
 * share of replicas; then the node leading a partition is drained and removed (its metadata vote handed to
 * the new node first when it has one), and its process stopped. Every move is a Ratis reconfiguration.
 */
final class MembershipFault {
  private static final Duration SETTLE = Duration.ofMinutes(4);

  private final ChaosCluster cluster;
  private final TopicPartition tp;
  private final Consumer<String> start;
  private final Consumer<String> end;

  /** {@code start} and {@code end} record a fault's start and end (the nemesis ends one left open). */
  MembershipFault(ChaosCluster cluster, TopicPartition tp, Consumer<String> start, Consumer<String> end) {
    this.cluster = cluster;
    this.tp = tp;
    this.start = start;
    this.end = end;
  }

  void run() throws Exception {
    ChaosNode spare = cluster.nodes().stream().filter(n -> !n.running() && !n.everStarted()).findFirst()
        .orElseThrow(() -> new IllegalStateException("no spare node for a membership change"));
    RafkaAdmin admin = cluster.admin();
    String join = "node " + spare.id() + " joins";
    start.accept(join);
    cluster.start(spare.id(), Nemesis.START_TIMEOUT);
    awaitNoMoves(admin, "node " + spare.id() + " joining");
    end.accept(join);

    int leader = cluster.leaderOf(tp);
    if (leader < 0) {
      throw new IllegalStateException(tp + " has no leader");
    }
    String leave = "decommission node " + leader + " (leader of " + tp + ")";
    start.accept(leave);
    boolean voter = status(admin).nodes().stream().anyMatch(n -> n.nodeId() == leader && n.metadataVoter());
    if (voter) {
      admin.replaceMetadataVoter(leader, spare.id()).get(60, TimeUnit.SECONDS);
    }
    admin.decommissionNode(leader).get(60, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + SETTLE.toNanos();
    while (status(admin).nodes().stream().map(NodeStatus::nodeId).anyMatch(id -> id == leader)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("node " + leader + " still in the cluster " + SETTLE.toMinutes()
            + " minutes after its decommission");
      }
      TimeUnit.MILLISECONDS.sleep(500); // polling the cluster's own account of the move
    }
    end.accept(leave);
    cluster.node(leader).retire();
    System.out.println("chaos: node " + spare.id() + " joined; node " + leader + " drained, removed and stopped");
  }

  private void awaitNoMoves(RafkaAdmin admin, String what) throws Exception {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    while (true) {
      ClusterStatus s = status(admin);
      if (s.moves().isEmpty() && s.underReplicated().isEmpty()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("moves after " + what + " not done in " + SETTLE.toMinutes()
            + " minutes: " + s.moves());
      }
      TimeUnit.MILLISECONDS.sleep(500); // polling the cluster's own account of the move
    }
  }

  private static ClusterStatus status(RafkaAdmin admin) throws Exception {
    return admin.describeClusterStatus().get(30, TimeUnit.SECONDS);
  }
}
