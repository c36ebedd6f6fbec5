package io.rafka.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rafka.client.admin.NewTopic;
import io.rafka.client.admin.RafkaAdmin;
import io.rafka.client.internals.RecordBatches;
import io.rafka.proto.ChangeMetadataVotersRequest;
import io.rafka.proto.ChangeReplicasRequest;
import io.rafka.proto.DecommissionNodeRequest;
import io.rafka.proto.DescribeClusterRequest;
import io.rafka.proto.DescribeClusterResponse;
import io.rafka.proto.DescribeMetadataQuorumRequest;
import io.rafka.proto.DescribePartitionRequest;
import io.rafka.proto.DescribePartitionResponse;
import io.rafka.proto.Error;
import io.rafka.proto.ErrorCode;
import io.rafka.proto.MetadataPeer;
import io.rafka.proto.MetadataRequest;
import io.rafka.proto.MetadataServiceGrpc;
import io.rafka.proto.NodeLiveness;
import io.rafka.proto.NodeStatus;
import io.rafka.proto.PartitionMetadata;
import io.rafka.proto.PartitionMove;
import io.rafka.proto.PlanRequest;
import io.rafka.proto.PlanResponse;
import io.rafka.proto.RemoveNodeRequest;
import io.rafka.proto.ReplaceVoter;
import io.rafka.proto.TopicMetadata;
import io.rafka.server.metadata.RingRebalancer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster membership on real processes under continuous produce and consume: a node joins and only what the
 * ring says moves, even when a node driving some of the moves is killed meanwhile; a metadata voter is replaced; a node is decommissioned through a plan that matches what
 * applying it does; a node killed for longer than the dead timeout is removed with force and every partition
 * is back at RF 3 on the survivors; after a restart leaders return to their preferred replicas. No partition
 * drops below RF 3 during a planned move, every refusal changes nothing, and no acknowledged record is lost or
 * duplicated, on any replica.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class MembershipIT {
  private static final String TOPIC = "moves";
  private static final int PARTITIONS = 12;
  private static final Duration MOVES = Duration.ofMinutes(4);

  @TempDir
  Path dir;

  @Test
  void nodesJoinAndLeaveWhileDataFlows() throws Exception {
    Map<String, String> overrides = Map.of("node.heartbeat.timeout", "3s", "node.dead.timeout", "8s",
        "default.replication.factor", "3");
    try (ProcessCluster cluster = new ProcessCluster(5, 3, dir, overrides)) {
      for (int n = 1; n <= 3; n++) {
        cluster.start(n);
      }
      try {
        run(cluster);
        cluster.keepLogs("MembershipIT", false);
      } catch (Throwable t) {
        System.err.println(cluster.tails(60));
        cluster.keepLogs("MembershipIT");
        throw t;
      }
    }
  }

  private void run(ProcessCluster cluster) throws Exception {
    try (Api api = new Api(cluster.apiAddress(1)); RafkaAdmin admin = RafkaAdmin.create(cluster.clientProps())) {
      Await.until("3 nodes in the ring", Duration.ofSeconds(90), () -> activeNodes(api).size() == 3);
      admin.createTopic(new NewTopic(TOPIC, PARTITIONS, 3)).get(60, TimeUnit.SECONDS);
      admin.createTopic(new NewTopic("solo", 1, 1)).get(60, TimeUnit.SECONDS);
      try (ContinuousTraffic traffic = new ContinuousTraffic(cluster.clientProps(), TOPIC, PARTITIONS, 300)) {
        traffic.awaitProgress(300, Duration.ofSeconds(60));

        // A node joins: the ring moves exactly what the plan (made before the node existed) said.
        PlanResponse joinPlan = ok(api.cluster().planMembershipChange(PlanRequest.newBuilder().setAddNode(4).build()),
            PlanResponse::getError);
        printPlan("plan add-node 4 (dry run)", joinPlan);
        Map<Integer, List<Integer>> before = replicaSets(api);
        cluster.start(4);
        // Kill a node that drives some of the moves while they run: the next leaders pick them up.
        Await.until("moves to start", Duration.ofSeconds(60), () -> api.cluster().describeCluster(
            DescribeClusterRequest.getDefaultInstance()).getMovesCount() > 0);
        cluster.kill(3);
        Await.until("node 3 to be reported down", Duration.ofSeconds(30),
            () -> liveness(api, 3) != NodeLiveness.NODE_ALIVE);
        cluster.start(3);
        awaitSettled(api, "node 4 to join (node 3 killed and restarted meanwhile)", s -> active(s).contains(4));
        Map<Integer, List<Integer>> afterJoin = replicaSets(api);
        assertMovesAsPlanned(joinPlan, before, afterJoin);
        assertRingPlacement(afterJoin, List.of(1, 2, 3, 4));
        assertGroupsMatchMetadata(api, afterJoin);
        traffic.awaitProgress(300, Duration.ofSeconds(60));

        refusalsChangeNothing(api);

        // Node 2 votes in the metadata group: hand its vote to node 4 first.
        List<Integer> voters = ok(api.cluster().changeMetadataVoters(ChangeMetadataVotersRequest.newBuilder()
            .setReplace(ReplaceVoter.newBuilder().setOldVoter(2).setNewVoter(4)).build()),
            r -> r.getError()).getVotersList();
        assertEquals(List.of(1, 3, 4), voters);
        Await.until("node 4 to vote and node 2 to listen", Duration.ofSeconds(30), () -> {
          List<MetadataPeer> peers = api.cluster().describeMetadataQuorum(DescribeMetadataQuorumRequest
              .getDefaultInstance()).getPeersList();
          return peers.stream().anyMatch(p -> p.getNodeId() == 4 && p.getRole().equals("VOTER"))
              && peers.stream().anyMatch(p -> p.getNodeId() == 2 && p.getRole().equals("LISTENER"));
        });

        // Decommission node 2 through a plan: applying it does what the dry run printed.
        PlanResponse leavePlan = ok(api.cluster().planMembershipChange(PlanRequest.newBuilder().setRemoveNode(2)
            .build()), PlanResponse::getError);
        printPlan("plan remove-node 2 (dry run)", leavePlan);
        PlanResponse applied = ok(api.cluster().planMembershipChange(PlanRequest.newBuilder().setRemoveNode(2)
            .setApply(true).build()), PlanResponse::getError);
        assertTrue(applied.getApplied());
        assertEquals(withoutSizes(leavePlan), withoutSizes(applied), "the applied plan is the dry run's (sizes grow)");
        awaitSettled(api, "node 2 to drain and leave", s -> s.getNodesList().stream().noneMatch(n -> n.getNodeId() == 2));
        Map<Integer, List<Integer>> afterLeave = replicaSets(api);
        assertMovesAsPlanned(leavePlan, afterJoin, afterLeave);
        assertRingPlacement(afterLeave, List.of(1, 3, 4));
        assertGroupsMatchMetadata(api, afterLeave);
        cluster.stop(2);
        traffic.awaitProgress(300, Duration.ofSeconds(60));

        // A fifth node joins, then dies: once dead it is removed with force and RF 3 is restored.
        cluster.start(5);
        awaitSettled(api, "node 5 to join", s -> active(s).contains(5));
        assertRingPlacement(replicaSets(api), List.of(1, 3, 4, 5));
        cluster.kill(5);
        Await.until("node 5 to be reported down", Duration.ofSeconds(30),
            () -> liveness(api, 5) != NodeLiveness.NODE_ALIVE);
        Error early = api.cluster().removeNode(RemoveNodeRequest.newBuilder().setNodeId(5).setForce(true).build())
            .getError();
        if (liveness(api, 5) == NodeLiveness.NODE_DOWN) {
          assertEquals(ErrorCode.INVALID_MEMBERSHIP_CHANGE, early.getCode(), early.getMessage());
          assertTrue(early.getMessage().contains("counts as dead"), early.getMessage());
        }
        Await.until("node 5 to be reported dead", Duration.ofSeconds(30),
            () -> liveness(api, 5) == NodeLiveness.NODE_DEAD);
        printStatus("cluster with node 5 dead", api.cluster().describeCluster(DescribeClusterRequest
            .getDefaultInstance()));
        ok(api.cluster().removeNode(RemoveNodeRequest.newBuilder().setNodeId(5).setForce(true).build()),
            r -> r.getError());
        awaitSettled(api, "node 5's replicas to be re-placed",
            s -> s.getNodesList().stream().noneMatch(n -> n.getNodeId() == 5));
        Map<Integer, List<Integer>> afterForce = replicaSets(api);
        afterForce.values().forEach(r -> assertEquals(3, r.size(), "RF 3 again: " + afterForce));
        assertRingPlacement(afterForce, List.of(1, 3, 4));
        assertGroupsMatchMetadata(api, afterForce);

        // Leaders return to their preferred replicas by themselves after a restart.
        cluster.stop(3);
        Await.until("node 3 to be reported down", Duration.ofSeconds(30),
            () -> liveness(api, 3) != NodeLiveness.NODE_ALIVE);
        long restart = System.nanoTime();
        cluster.start(3);
        Await.until("every leader back on its preferred replica", Duration.ofSeconds(30),
            () -> leadersOnPreferred(api), () -> "leaders " + leaders(api) + " replicas " + replicaSets(api));
        System.out.printf("leaders back on their preferred replicas %.1f s after restarting node 3: %s%n",
            (System.nanoTime() - restart) / 1e9, leadersPerNode(api));
        printStatus("final cluster", api.cluster().describeCluster(DescribeClusterRequest.getDefaultInstance()));
        printPartition(api.cluster().describePartition(DescribePartitionRequest.newBuilder().setTopic(TOPIC)
            .setPartition(0).build()));

        traffic.stopAndVerify(Duration.ofMinutes(3));
        verifyEveryReplica(cluster, api, traffic.byOffset());
      }
    }
  }

  /** Every refusal leaves nodes (and their ring states), voters and replica sets as they were. */
  private static void refusalsChangeNothing(Api api) {
    Supplier<String> state = () -> nodes(api).values().stream()
        .map(n -> n.getNodeId() + ":" + n.getState() + ":" + n.getMetadataVoter()).toList() + " " + replicaSets(api) + " " + replicaSets(api, "solo") + " "
        + api.cluster().describeMetadataQuorum(DescribeMetadataQuorumRequest.getDefaultInstance()).getPeersList()
            .stream().map(p -> p.getNodeId() + p.getRole()).sorted().toList();
    String before = state.get();
    refused(api.cluster().decommissionNode(DecommissionNodeRequest.newBuilder().setNodeId(2).build()).getError(),
        ErrorCode.INVALID_MEMBERSHIP_CHANGE, "metadata voter");
    refused(api.cluster().removeNode(RemoveNodeRequest.newBuilder().setNodeId(4).build()).getError(),
        ErrorCode.INVALID_MEMBERSHIP_CHANGE, "still holds");
    refused(api.cluster().removeNode(RemoveNodeRequest.newBuilder().setNodeId(4).setForce(true).build()).getError(),
        ErrorCode.INVALID_MEMBERSHIP_CHANGE, "is alive");
    refused(api.cluster().removeNode(RemoveNodeRequest.newBuilder().setNodeId(99).build()).getError(),
        ErrorCode.UNKNOWN_NODE, "node 99");
    refused(api.cluster().planMembershipChange(PlanRequest.newBuilder().setAddNode(4).setApply(true).build())
        .getError(), ErrorCode.INVALID_MEMBERSHIP_CHANGE, "already in the ring");
    refused(api.cluster().planMembershipChange(PlanRequest.newBuilder().setRemoveNode(1).build()).getError(),
        ErrorCode.INVALID_MEMBERSHIP_CHANGE, "metadata voter");
    int soloReplica = replicaSets(api, "solo").get(0).get(0);
    refused(api.cluster().changePartitionReplicas(ChangeReplicasRequest.newBuilder().setTopic("solo")
        .setPartition(0).setRemoveReplica(soloReplica).build()).getError(), ErrorCode.INVALID_MEMBERSHIP_CHANGE,
        "only replica");
    refused(api.cluster().changePartitionReplicas(ChangeReplicasRequest.newBuilder().setTopic("solo")
        .setPartition(0).setAddReplica(soloReplica).build()).getError(), ErrorCode.INVALID_MEMBERSHIP_CHANGE,
        "already holds");
    refused(api.cluster().changePartitionReplicas(ChangeReplicasRequest.newBuilder().setTopic("solo")
        .setPartition(0).setTransferLeader(soloReplica % 4 + 1).build()).getError(),
        ErrorCode.INVALID_MEMBERSHIP_CHANGE, "holds no replica");
    refused(api.cluster().changePartitionReplicas(ChangeReplicasRequest.newBuilder().setTopic("solo")
        .setPartition(5).setAddReplica(1).build()).getError(), ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, "no partition 5");
    refused(api.cluster().changeMetadataVoters(ChangeMetadataVotersRequest.newBuilder().setAddVoter(1).build())
        .getError(), ErrorCode.INVALID_MEMBERSHIP_CHANGE, "already a metadata voter");
    refused(api.cluster().changeMetadataVoters(ChangeMetadataVotersRequest.newBuilder().setRemoveVoter(4).build())
        .getError(), ErrorCode.INVALID_MEMBERSHIP_CHANGE, "not a metadata voter");
    assertEquals(before, state.get(), "a refusal changed something");
    System.out.println("refusals: 12 refused with a clear error, nothing changed");
  }

  private static void refused(Error error, ErrorCode code, String says) {
    assertEquals(code, error.getCode(), error.getMessage());
    assertTrue(error.getMessage().contains(says), "'" + error.getMessage() + "' should say '" + says + "'");
    System.out.println("  refused " + code + ": " + error.getMessage());
  }

  /**
   * Waits until no partition is moving and {@code done} holds; meanwhile every moving partition's group keeps
   * at least three voters.
   */
  private static void awaitSettled(Api api, String what, java.util.function.Predicate<DescribeClusterResponse> done) {
    long start = System.nanoTime();
    int[] samples = {0};
    Await.until(what, MOVES, () -> {
      DescribeClusterResponse status = api.cluster().describeCluster(DescribeClusterRequest.getDefaultInstance());
      for (PartitionMove m : status.getMovesList()) {
        DescribePartitionResponse d = api.cluster().describePartition(DescribePartitionRequest.newBuilder()
            .setTopic(m.getTopic()).setPartition(m.getPartition()).build());
        if (d.getError().getCode() == ErrorCode.NONE && d.getConfigurationVotersCount() > 0) {
          samples[0]++;
          int floor = Math.min(m.getFromCount(), m.getToCount());
          assertTrue(d.getConfigurationVotersCount() >= floor, m.getTopic() + "-" + m.getPartition()
              + " dropped to " + d.getConfigurationVotersList() + " during its move from " + m.getFromList());
        }
      }
      return status.getMovesCount() == 0 && done.test(status);
    }, () -> stuck(api));
    System.out.printf("%s: settled in %.1f s (%d samples of moving groups, none below its replication factor)%n", what,
        (System.nanoTime() - start) / 1e9, samples[0]);
  }

  /** The moves still open, each with its Raft group as the leader and the replicas report it. */
  private static String stuck(Api api) {
    StringBuilder out = new StringBuilder("moves still open:");
    for (PartitionMove m : api.cluster().describeCluster(DescribeClusterRequest.getDefaultInstance()).getMovesList()) {
      DescribePartitionResponse d = api.cluster().describePartition(DescribePartitionRequest.newBuilder()
          .setTopic(m.getTopic()).setPartition(m.getPartition()).build());
      out.append("\n  ").append(m.getTopic()).append('-').append(m.getPartition()).append(' ')
          .append(m.getFromList()).append(" -> ").append(m.getToList()).append(": leader ").append(d.getLeader())
          .append(" term ").append(d.getTerm()).append(" voters ").append(d.getConfigurationVotersList())
          .append(" stable ").append(d.getConfigurationStable());
      d.getReplicasStatusList().forEach(r -> out.append("\n    node ").append(r.getNodeId()).append(' ')
          .append(r.getRole()).append(" commit ").append(r.getCommitIndex()).append(" applied ")
          .append(r.getAppliedIndex()).append(" last ").append(r.getLastIndex()).append(" snapshot ")
          .append(r.getSnapshotIndex()).append(" lag ").append(r.getLag()).append(r.getError().isEmpty() ? ""
              : " error " + r.getError()));
    }
    return out.toString();
  }

  private static void assertMovesAsPlanned(PlanResponse plan, Map<Integer, List<Integer>> before,
      Map<Integer, List<Integer>> after) {
    Map<Integer, List<Integer>> planned = new TreeMap<>();
    plan.getMovesList().stream().filter(m -> m.getTopic().equals(TOPIC))
        .forEach(m -> planned.put(m.getPartition(), m.getToList()));
    Map<Integer, List<Integer>> moved = new TreeMap<>();
    after.forEach((p, r) -> {
      if (!r.equals(before.get(p))) {
        moved.put(p, r);
      }
    });
    assertEquals(planned, moved, "the partitions that moved, and where to, are the plan's");
    assertTrue(moved.size() < PARTITIONS, "not everything moves");
    System.out.printf("%d of %d partitions moved, as planned%n", moved.size(), PARTITIONS);
  }

  private static void assertRingPlacement(Map<Integer, List<Integer>> sets, List<Integer> members) {
    List<List<Integer>> ring = RingRebalancer.place(members, TOPIC, PARTITIONS, 3);
    for (int p = 0; p < PARTITIONS; p++) {
      assertEquals(ring.get(p), sets.get(p), "partition " + p + " is where the ring over " + members + " puts it");
    }
    Map<Integer, Integer> perNode = new TreeMap<>();
    sets.values().forEach(r -> r.forEach(n -> perNode.merge(n, 1, Integer::sum)));
    double mean = 3.0 * PARTITIONS / members.size();
    int max = perNode.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    assertTrue(max / mean <= 1.25, "replicas per node " + perNode + " are balanced (max/mean " + max / mean + ")");
    System.out.println("replicas per node over " + members + ": " + perNode);
  }

  /** Each partition's Raft configuration is its metadata replica set, with priorities in the same order. */
  private static void assertGroupsMatchMetadata(Api api, Map<Integer, List<Integer>> sets) {
    for (int p = 0; p < PARTITIONS; p++) {
      int partition = p;
      Await.until("partition " + p + "'s group to have a leader", Duration.ofSeconds(30), () -> api.cluster()
          .describePartition(DescribePartitionRequest.newBuilder().setTopic(TOPIC).setPartition(partition).build())
          .getConfigurationVotersCount() > 0);
      DescribePartitionResponse d = api.cluster().describePartition(DescribePartitionRequest.newBuilder()
          .setTopic(TOPIC).setPartition(p).build());
      assertTrue(d.getConfigurationStable());
      assertEquals(sets.get(p), d.getConfigurationVotersList(), "partition " + p + "'s Raft voters by priority");
    }
  }

  private static boolean leadersOnPreferred(Api api) {
    Map<Integer, Integer> leaders = leaders(api);
    Map<Integer, List<Integer>> sets = replicaSets(api);
    return sets.entrySet().stream().allMatch(e -> e.getValue().get(0).equals(leaders.get(e.getKey())));
  }

  private static Map<Integer, Integer> leadersPerNode(Api api) {
    Map<Integer, Integer> perNode = new TreeMap<>();
    leaders(api).values().forEach(n -> perNode.merge(n, 1, Integer::sum));
    return perNode;
  }

  private static void verifyEveryReplica(ProcessCluster cluster, Api api, Map<Integer, Map<Long, String>> acked)
      throws InterruptedException {
    Map<Integer, List<Integer>> sets = replicaSets(api);
    for (int p = 0; p < PARTITIONS; p++) {
      Map<Long, String> expected = acked.getOrDefault(p, Map.of());
      for (int n : sets.get(p)) {
        try (ReplicaReader reader = new ReplicaReader(cluster.apiAddress(n))) {
          int partition = p;
          Await.until("node " + n + " to catch up on partition " + p, Duration.ofSeconds(120),
              () -> reader.highWatermark(TOPIC, partition) >= expected.size());
          List<RecordBatches.Decoded> records = reader.readAll(TOPIC, p);
          assertEquals(expected.size(), records.size(), "node " + n + " partition " + p + " holds every record once");
          for (RecordBatches.Decoded r : records) {
            assertEquals(expected.get(r.offset()), new String(r.value(), StandardCharsets.UTF_8),
                "node " + n + " partition " + p + " offset " + r.offset());
          }
        }
      }
    }
    System.out.println("every replica of every partition holds exactly the acknowledged records");
  }

  // ---------------------------------------------------------------- reading cluster state

  private static Map<Integer, NodeStatus> nodes(Api api) {
    Map<Integer, NodeStatus> nodes = new TreeMap<>();
    api.cluster().describeCluster(DescribeClusterRequest.getDefaultInstance()).getNodesList()
        .forEach(n -> nodes.put(n.getNodeId(), n));
    return nodes;
  }

  private static List<Integer> activeNodes(Api api) {
    try {
      return active(api.cluster().describeCluster(DescribeClusterRequest.getDefaultInstance()));
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private static List<Integer> active(DescribeClusterResponse status) {
    return status.getNodesList().stream().filter(n -> n.getState() == io.rafka.proto.NodeState.NODE_ACTIVE)
        .map(NodeStatus::getNodeId).toList();
  }

  private static NodeLiveness liveness(Api api, int node) {
    NodeStatus n = nodes(api).get(node);
    return n == null ? NodeLiveness.NODE_LIVENESS_UNKNOWN : n.getLiveness();
  }

  private static TopicMetadata topic(Api api, String name) {
    return MetadataServiceGrpc.newBlockingStub(api.channel).withDeadlineAfter(30, TimeUnit.SECONDS)
        .getMetadata(MetadataRequest.newBuilder().addTopics(name).build()).getTopics(0);
  }

  private static Map<Integer, List<Integer>> replicaSets(Api api) {
    return replicaSets(api, TOPIC);
  }

  private static Map<Integer, List<Integer>> replicaSets(Api api, String name) {
    Map<Integer, List<Integer>> sets = new TreeMap<>();
    for (PartitionMetadata p : topic(api, name).getPartitionsList()) {
      sets.put(p.getPartition(), new ArrayList<>(p.getReplicasList()));
    }
    return sets;
  }

  private static Map<Integer, Integer> leaders(Api api) {
    Map<Integer, Integer> leaders = new HashMap<>();
    topic(api, TOPIC).getPartitionsList().forEach(p -> leaders.put(p.getPartition(), p.getLeader()));
    return leaders;
  }

  private static List<PartitionMove> withoutSizes(PlanResponse plan) {
    return plan.getMovesList().stream().map(m -> m.toBuilder().clearSizeBytes().build()).toList();
  }

  private static <T> T ok(T response, java.util.function.Function<T, Error> error) {
    Error e = error.apply(response);
    assertEquals(ErrorCode.NONE, e.getCode(), e.getMessage());
    return response;
  }

  // ---------------------------------------------------------------- printing

  private static void printPlan(String title, PlanResponse plan) {
    System.out.println(title + ": " + plan.getMovedReplicas() + " replicas (" + plan.getMovedBytes() + " bytes), "
        + plan.getLeaderChanges() + " leader changes");
    plan.getMovesList().forEach(m -> System.out.println("  " + m.getTopic() + "-" + m.getPartition() + " "
        + m.getFromList() + " -> " + m.getToList() + " " + m.getSizeBytes() + " bytes"));
  }

  private static void printStatus(String title, DescribeClusterResponse s) {
    System.out.println(title + ": epoch " + s.getMetadataEpoch() + ", ring epoch " + s.getRingEpoch());
    s.getNodesList().forEach(n -> System.out.println("  node " + n.getNodeId() + " " + n.getState() + " "
        + n.getLiveness() + " voter=" + n.getMetadataVoter() + " replicas=" + n.getReplicas() + " leaders="
        + n.getLeaders()));
    s.getUnderReplicatedList().forEach(i -> System.out.println("  under-replicated " + i.getTopic() + "-"
        + i.getPartition() + ": " + i.getReason()));
  }

  private static void printPartition(DescribePartitionResponse d) {
    System.out.println("partition " + d.getTopic() + "-" + d.getPartition() + " group " + d.getGroupId() + " leader "
        + d.getLeader() + " term " + d.getTerm() + " voters " + d.getConfigurationVotersList());
    d.getReplicasStatusList().forEach(r -> System.out.println("  node " + r.getNodeId() + " " + r.getRole()
        + " priority " + r.getPriority() + " commit " + r.getCommitIndex() + " applied " + r.getAppliedIndex()
        + " lag " + r.getLag()));
  }
}
