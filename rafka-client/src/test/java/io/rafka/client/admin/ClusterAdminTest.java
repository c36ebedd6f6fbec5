package io.rafka.client.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.rafka.client.errors.InvalidMembershipChangeException;
import io.rafka.client.errors.RafkaException;
import io.rafka.client.errors.ReassignmentInProgressException;
import io.rafka.client.errors.RetriableException;
import io.rafka.client.errors.TimeoutException;
import io.rafka.client.errors.UnknownNodeException;
import io.rafka.client.errors.UnknownTopicOrPartitionException;
import io.rafka.common.TopicPartition;
import io.rafka.proto.ChangeMetadataVotersRequest;
import io.rafka.proto.ChangeMetadataVotersResponse;
import io.rafka.proto.ChangeReplicasRequest;
import io.rafka.proto.ChangeReplicasResponse;
import io.rafka.proto.DecommissionNodeRequest;
import io.rafka.proto.DescribeClusterResponse;
import io.rafka.proto.DescribeMetadataQuorumResponse;
import io.rafka.proto.DescribePartitionRequest;
import io.rafka.proto.DescribePartitionResponse;
import io.rafka.proto.ElectPreferredLeadersRequest;
import io.rafka.proto.ElectPreferredLeadersResponse;
import io.rafka.proto.Error;
import io.rafka.proto.ErrorCode;
import io.rafka.proto.MetadataPeer;
import io.rafka.proto.MetadataResponse;
import io.rafka.proto.NodeChangeResponse;
import io.rafka.proto.NodeInfo;
import io.rafka.proto.NodeReplicaCount;
import io.rafka.proto.PartitionId;
import io.rafka.proto.PlanRequest;
import io.rafka.proto.PlanResponse;
import io.rafka.proto.RemoveNodeRequest;
import io.rafka.proto.ReplicaStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The admin client's cluster calls against fake nodes on loopback: what each request carries, how each
 * response becomes a model object, and how each wire error becomes an exception.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClusterAdminTest {
  private static final long REQUEST_TIMEOUT_MS = 5_000;
  private static final TopicPartition ORDERS_3 = new TopicPartition("orders", 3);

  private final List<AutoCloseable> resources = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }

  private FakeClusterNode node() {
    FakeClusterNode node = new FakeClusterNode();
    resources.add(node);
    return node;
  }

  private RafkaAdmin admin(long requestTimeoutMs, FakeClusterNode... nodes) {
    String bootstrap = String.join(",", Arrays.stream(nodes).map(FakeClusterNode::address).toList());
    RafkaAdmin admin = RafkaAdmin.create(Map.of("bootstrap.servers", bootstrap,
        "request.timeout.ms", Long.toString(requestTimeoutMs), "retry.backoff.ms", "10",
        "retry.backoff.max.ms", "20"));
    resources.add(admin);
    return admin;
  }

  private RafkaAdmin admin(FakeClusterNode... nodes) {
    return admin(REQUEST_TIMEOUT_MS, nodes);
  }

  private static Error error(ErrorCode code, String message) {
    return Error.newBuilder().setCode(code).setMessage(message).build();
  }

  /** The exception a failed future holds. */
  private static Throwable failure(CompletableFuture<?> future) {
    CompletionException e = assertThrows(CompletionException.class, future::join);
    return e.getCause();
  }

  private static io.rafka.proto.PartitionMove wireMove(String topic, int partition, List<Integer> from,
      List<Integer> to, long size, boolean override) {
    return io.rafka.proto.PartitionMove.newBuilder().setTopic(topic).setPartition(partition).addAllFrom(from)
        .addAllTo(to).setSizeBytes(size).setOverride(override).build();
  }

  // ---------------------------------------------------------------- describe

  @Test
  void clusterStatusMapsEveryField() {
    DescribeClusterResponse response = DescribeClusterResponse.newBuilder()
        .setMetadataEpoch(42).setRingEpoch(7).setRespondingNode(2).setMetadataLeader(1).setPartitions(12)
        .setDeadTimeoutMs(60_000)
        .addNodes(io.rafka.proto.NodeStatus.newBuilder().setNodeId(1).setClientAddress("h1:9092")
            .setRaftAddress("h1:9093").setState(io.rafka.proto.NodeState.NODE_ACTIVE)
            .setLiveness(io.rafka.proto.NodeLiveness.NODE_ALIVE).setMetadataVoter(true).setReplicas(6)
            .setLeaders(4).setPreferredLeaders(3).setIncomingMoves(1).setOutgoingMoves(0))
        .addNodes(io.rafka.proto.NodeStatus.newBuilder().setNodeId(2).setState(io.rafka.proto.NodeState.NODE_LEAVING)
            .setLiveness(io.rafka.proto.NodeLiveness.NODE_DOWN).setDownSinceMs(1_700_000_000_000L).setOutgoingMoves(2))
        .addNodes(io.rafka.proto.NodeStatus.newBuilder().setNodeId(3).setState(io.rafka.proto.NodeState.NODE_JOINING)
            .setLiveness(io.rafka.proto.NodeLiveness.NODE_DEAD))
        .addNodes(io.rafka.proto.NodeStatus.newBuilder().setNodeId(4).setStateValue(99).setLivenessValue(99))
        .addUnderReplicated(io.rafka.proto.PartitionIssue.newBuilder().setTopic("orders").setPartition(3)
            .addAllReplicas(List.of(1, 3)).setLeader(1).setReason("replica on node 3 is dead"))
        .addLeaderless(io.rafka.proto.PartitionIssue.newBuilder().setTopic("audit").setPartition(0)
            .addAllReplicas(List.of(3)).setLeader(-1).setReason("no replica answers"))
        .addMoves(wireMove("orders", 5, List.of(2, 1), List.of(1, 4), 1_048_576, false))
        .build();
    FakeClusterNode node = node().answer("DescribeCluster", response);

    ClusterStatus status = admin(node).describeClusterStatus().join();

    assertEquals(42, status.metadataEpoch());
    assertEquals(7, status.ringEpoch());
    assertEquals(2, status.answeredBy());
    assertEquals(1, status.metadataLeader());
    assertEquals(12, status.partitionCount());
    assertEquals(60_000, status.deadTimeoutMs());
    assertEquals(new NodeStatus(1, "h1:9092", "h1:9093", NodeState.ACTIVE, NodeLiveness.ALIVE, 0, true, 6, 4, 3, 1,
        0), status.nodes().get(0));
    assertEquals(new NodeStatus(2, "", "", NodeState.LEAVING, NodeLiveness.DOWN, 1_700_000_000_000L, false, 0, 0,
        0, 0, 2), status.nodes().get(1));
    assertEquals(NodeState.JOINING, status.nodes().get(2).state());
    assertEquals(NodeLiveness.DEAD, status.nodes().get(2).liveness());
    assertEquals(NodeState.UNKNOWN, status.nodes().get(3).state(), "a state from a newer server");
    assertEquals(NodeLiveness.UNKNOWN, status.nodes().get(3).liveness());
    assertEquals(List.of(new PartitionIssue("orders", 3, List.of(1, 3), 1, "replica on node 3 is dead")),
        status.underReplicated());
    assertEquals(List.of(new PartitionIssue("audit", 0, List.of(3), -1, "no replica answers")), status.leaderless());
    PartitionMove move = status.moves().get(0);
    assertEquals(new PartitionMove("orders", 5, List.of(2, 1), List.of(1, 4), 1_048_576, false), move);
    assertEquals(List.of(4), move.addedReplicas());
    assertEquals(List.of(2), move.removedReplicas());
  }

  @Test
  void describeClusterCarriesNodeStateAndDownSince() {
    FakeClusterNode node = node().answer("GetMetadata", MetadataResponse.newBuilder().setMetadataEpoch(3)
        .setRespondingNode(1)
        .addNodes(NodeInfo.newBuilder().setNodeId(1).setClientAddress("h1:9092").setMetadataVoter(true)
            .setState(io.rafka.proto.NodeState.NODE_ACTIVE))
        .addNodes(NodeInfo.newBuilder().setNodeId(2).setClientAddress("h2:9092")
            .setState(io.rafka.proto.NodeState.NODE_JOINING).setDownSinceMs(99))
        .build());

    ClusterDescription cluster = admin(node).describeCluster().join();

    assertEquals(List.of(new NodeDescription(1, "h1:9092", true, NodeState.ACTIVE, 0),
        new NodeDescription(2, "h2:9092", false, NodeState.JOINING, 99)), cluster.nodes());
  }

  @Test
  void partitionGroupMapsEveryField() {
    FakeClusterNode node = node().answer("DescribePartition", DescribePartitionResponse.newBuilder()
        .setTopic("orders").setPartition(3).setGroupId("group-0a1b").setLeader(1).setTerm(9)
        .addAllReplicas(List.of(1, 2, 3)).addAllTargetReplicas(List.of(1, 2, 4)).setOverride(true)
        .addAllConfigurationVoters(List.of(1, 2, 3, 4)).setConfigurationStable(false)
        .addReplicasStatus(ReplicaStatus.newBuilder().setNodeId(1).setRole("LEADER").setPriority(3).setTerm(9)
            .setCommitIndex(100).setAppliedIndex(99).setLastIndex(101).setSnapshotIndex(50).setLag(0))
        .addReplicasStatus(ReplicaStatus.newBuilder().setNodeId(3).setRole("UNREACHABLE").setPriority(-1)
            .setLag(-1).setError("deadline exceeded"))
        .build());

    PartitionGroupDescription group = admin(node).describePartitionGroup(ORDERS_3).join();

    DescribePartitionRequest sent = node.<DescribePartitionRequest>requests("DescribePartition").get(0);
    assertEquals("orders", sent.getTopic());
    assertEquals(3, sent.getPartition());
    assertEquals(new PartitionGroupDescription("orders", 3, "group-0a1b", 1, 9, List.of(1, 2, 3), List.of(1, 2, 4),
        true, List.of(1, 2, 3, 4), false, List.of(
            new PartitionGroupDescription.ReplicaStatus(1, "LEADER", 3, 9, 100, 99, 101, 50, 0, ""),
            new PartitionGroupDescription.ReplicaStatus(3, "UNREACHABLE", -1, 0, 0, 0, 0, 0, -1,
                "deadline exceeded"))), group);
    assertTrue(group.moving());
    assertEquals(ORDERS_3, group.topicPartition());
  }

  @Test
  void anUnknownPartitionFailsWithItsException() {
    FakeClusterNode node = node().answer("DescribePartition", DescribePartitionResponse.newBuilder()
        .setError(error(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, "no partition orders-3")).build());

    Throwable e = failure(admin(node).describePartitionGroup(ORDERS_3));

    assertInstanceOf(UnknownTopicOrPartitionException.class, e);
    assertEquals("UNKNOWN_TOPIC_OR_PARTITION: no partition orders-3", e.getMessage());
  }

  // ---------------------------------------------------------------- node membership

  @Test
  void decommissionSendsTheNodeAndReturnsTheMovesItStarted() {
    FakeClusterNode node = node().answer("DecommissionNode", NodeChangeResponse.newBuilder().setMetadataEpoch(51)
        .addMoves(wireMove("orders", 0, List.of(3, 1), List.of(1, 2), 2048, false)).build());

    MembershipChange change = admin(node).decommissionNode(3).join();

    assertEquals(3, node.<DecommissionNodeRequest>requests("DecommissionNode").get(0).getNodeId());
    assertEquals(new MembershipChange(51, List.of(new PartitionMove("orders", 0, List.of(3, 1), List.of(1, 2), 2048,
        false))), change);
  }

  @Test
  void removeNodeSendsForce() {
    FakeClusterNode node = node().answer("RemoveNode", NodeChangeResponse.newBuilder().setMetadataEpoch(8).build());
    RafkaAdmin admin = admin(node);

    assertEquals(new MembershipChange(8, List.of()), admin.removeNode(4, true).join());
    admin.removeNode(5, false).join();

    List<RemoveNodeRequest> sent = node.requests("RemoveNode");
    assertEquals(4, sent.get(0).getNodeId());
    assertTrue(sent.get(0).getForce());
    assertEquals(5, sent.get(1).getNodeId());
    assertFalse(sent.get(1).getForce());
  }

  @Test
  void anUnknownNodeIsFatalAndNamesTheCode() {
    FakeClusterNode node = node().answer("DecommissionNode", NodeChangeResponse.newBuilder()
        .setError(error(ErrorCode.UNKNOWN_NODE, "node 9 is not registered")).build());

    Throwable e = failure(admin(node).decommissionNode(9));

    assertInstanceOf(UnknownNodeException.class, e);
    assertFalse(e instanceof RetriableException);
    assertEquals(ErrorCode.UNKNOWN_NODE, ((RafkaException) e).code());
    assertEquals("UNKNOWN_NODE: node 9 is not registered", e.getMessage());
    assertEquals(1, node.requests("DecommissionNode").size(), "a fatal error is not retried");
  }

  @Test
  void aRefusedMembershipChangeIsFatal() {
    FakeClusterNode node = node().answer("RemoveNode", NodeChangeResponse.newBuilder()
        .setError(error(ErrorCode.INVALID_MEMBERSHIP_CHANGE, "node 2 is alive; --force removes only dead nodes"))
        .build());

    Throwable e = failure(admin(node).removeNode(2, true));

    assertInstanceOf(InvalidMembershipChangeException.class, e);
    assertFalse(e instanceof RetriableException);
    assertEquals("INVALID_MEMBERSHIP_CHANGE: node 2 is alive; --force removes only dead nodes", e.getMessage());
  }

  // ---------------------------------------------------------------- plans

  @Test
  void planAddNodeSendsTheNodeAndApplyAndMapsThePlan() {
    FakeClusterNode node = node().answer("PlanMembershipChange", PlanResponse.newBuilder()
        .addMoves(wireMove("orders", 1, List.of(1, 2), List.of(4, 2), 1000, false))
        .addMoves(wireMove("orders", 2, List.of(2, 3), List.of(3, 2), 0, false))
        .setMovedReplicas(1).setMovedBytes(1000).setLeaderChanges(2)
        .addReplicasPerNode(NodeReplicaCount.newBuilder().setNodeId(1).setBefore(2).setAfter(1))
        .addReplicasPerNode(NodeReplicaCount.newBuilder().setNodeId(4).setBefore(0).setAfter(1))
        .setApplied(true).setMetadataEpoch(77).build());

    ReassignmentPlan plan = admin(node).planAddNode(4, true).join();

    PlanRequest sent = node.<PlanRequest>requests("PlanMembershipChange").get(0);
    assertEquals(PlanRequest.ChangeCase.ADD_NODE, sent.getChangeCase());
    assertEquals(4, sent.getAddNode());
    assertTrue(sent.getApply());
    assertEquals(new ReassignmentPlan(List.of(
        new PartitionMove("orders", 1, List.of(1, 2), List.of(4, 2), 1000, false),
        new PartitionMove("orders", 2, List.of(2, 3), List.of(3, 2), 0, false)), 1, 1000, 2, List.of(
            new ReassignmentPlan.NodeReplicaCount(1, 2, 1), new ReassignmentPlan.NodeReplicaCount(4, 0, 1)),
        true, 77), plan);
  }

  @Test
  void planRemoveNodeIsADryRunUnlessApplied() {
    FakeClusterNode node = node().answer("PlanMembershipChange", PlanResponse.newBuilder().setMetadataEpoch(5)
        .build());

    ReassignmentPlan plan = admin(node).planRemoveNode(0, false).join();

    PlanRequest sent = node.<PlanRequest>requests("PlanMembershipChange").get(0);
    assertEquals(PlanRequest.ChangeCase.REMOVE_NODE, sent.getChangeCase(), "node 0 is still a chosen change");
    assertEquals(0, sent.getRemoveNode());
    assertFalse(sent.getApply());
    assertFalse(plan.applied());
    assertEquals(5, plan.metadataEpoch());
  }

  // ---------------------------------------------------------------- partition replicas

  @Test
  void replicaChangesSendTheirKindAndAServerTimeoutInsideTheClients() {
    FakeClusterNode node = node().answer("ChangePartitionReplicas", ChangeReplicasResponse.newBuilder()
        .addAllReplicas(List.of(1, 2, 4)).setLeader(1).build());
    RafkaAdmin admin = admin(node);

    assertEquals(new PartitionReplicas(List.of(1, 2, 4), 1), admin.addReplica(ORDERS_3, 4).join());
    admin.removeReplica(ORDERS_3, 3).join();
    admin.transferLeader(ORDERS_3, 2).join();

    List<ChangeReplicasRequest> sent = node.requests("ChangePartitionReplicas");
    assertEquals(ChangeReplicasRequest.ChangeCase.ADD_REPLICA, sent.get(0).getChangeCase());
    assertEquals(4, sent.get(0).getAddReplica());
    assertEquals(ChangeReplicasRequest.ChangeCase.REMOVE_REPLICA, sent.get(1).getChangeCase());
    assertEquals(3, sent.get(1).getRemoveReplica());
    assertEquals(ChangeReplicasRequest.ChangeCase.TRANSFER_LEADER, sent.get(2).getChangeCase());
    assertEquals(2, sent.get(2).getTransferLeader());
    for (ChangeReplicasRequest r : sent) {
      assertEquals("orders", r.getTopic());
      assertEquals(3, r.getPartition());
      assertTrue(r.getTimeoutMs() > 0 && r.getTimeoutMs() <= REQUEST_TIMEOUT_MS * 95 / 100,
          "the server gives up well before the client: " + r.getTimeoutMs());
      assertTrue(r.getTimeoutMs() >= REQUEST_TIMEOUT_MS * 8 / 10, "but not much before: " + r.getTimeoutMs());
    }
  }

  @Test
  void aMoveInProgressIsRetriableButNotRetriedByTheClient() {
    FakeClusterNode node = node().answer("ChangePartitionReplicas", ChangeReplicasResponse.newBuilder()
        .setError(error(ErrorCode.REASSIGNMENT_IN_PROGRESS, "orders-3 is moving to [1, 2, 4]")).build());

    Throwable e = failure(admin(node).addReplica(ORDERS_3, 5));

    assertInstanceOf(ReassignmentInProgressException.class, e);
    assertInstanceOf(RetriableException.class, e);
    assertEquals("REASSIGNMENT_IN_PROGRESS: orders-3 is moving to [1, 2, 4]", e.getMessage());
    assertEquals(1, node.requests("ChangePartitionReplicas").size());
  }

  @Test
  void aChangeTheServerDoesNotAnswerTimesOutAtTheRequestTimeout() {
    FakeClusterNode node = node().answer("ChangePartitionReplicas", FakeClusterNode.SILENCE);
    long start = System.nanoTime();

    Throwable e = failure(admin(300, node).transferLeader(ORDERS_3, 2));

    long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertInstanceOf(TimeoutException.class, e);
    assertTrue(tookMs >= 250 && tookMs < 5_000, "took " + tookMs + " ms");
  }

  // ---------------------------------------------------------------- elections

  @Test
  void electionsCarryEachPartitionsOwnError() {
    FakeClusterNode node = node().answer("ElectPreferredLeaders", ElectPreferredLeadersResponse.newBuilder()
        .addResults(io.rafka.proto.ElectionResult.newBuilder().setTopic("orders").setPartition(0).setPreferred(1)
            .setLeader(1))
        .addResults(io.rafka.proto.ElectionResult.newBuilder().setTopic("orders").setPartition(1).setPreferred(3)
            .setLeader(2).setError(error(ErrorCode.LEADER_NOT_AVAILABLE, "node 3 is catching up")))
        .build());

    List<ElectionResult> results = admin(node).electPreferredLeaders(
        List.of(new TopicPartition("orders", 0), new TopicPartition("orders", 1))).join();

    ElectPreferredLeadersRequest sent = node.<ElectPreferredLeadersRequest>requests("ElectPreferredLeaders").get(0);
    assertEquals(List.of(PartitionId.newBuilder().setTopic("orders").setPartition(0).build(),
        PartitionId.newBuilder().setTopic("orders").setPartition(1).build()), sent.getPartitionsList());
    assertTrue(sent.getTimeoutMs() > 0 && sent.getTimeoutMs() <= REQUEST_TIMEOUT_MS * 95 / 100,
        "" + sent.getTimeoutMs());
    assertEquals(2, results.size());
    assertEquals(new ElectionResult("orders", 0, 1, 1, null), results.get(0));
    assertTrue(results.get(0).succeeded());
    ElectionResult failed = results.get(1);
    assertEquals(3, failed.preferred());
    assertEquals(2, failed.leader());
    assertInstanceOf(RetriableException.class, failed.error());
    assertEquals(ErrorCode.LEADER_NOT_AVAILABLE, failed.error().code());
    assertEquals("LEADER_NOT_AVAILABLE: node 3 is catching up", failed.error().getMessage());
  }

  @Test
  void electingEveryPartitionSendsNone() {
    FakeClusterNode node = node().answer("ElectPreferredLeaders", ElectPreferredLeadersResponse.getDefaultInstance());

    assertEquals(List.of(), admin(node).electPreferredLeaders(List.of()).join());

    assertEquals(0, node.<ElectPreferredLeadersRequest>requests("ElectPreferredLeaders").get(0).getPartitionsCount());
  }

  @Test
  void anElectionRefusedAsAWholeFailsTheFuture() {
    FakeClusterNode node = node().answer("ElectPreferredLeaders", ElectPreferredLeadersResponse.newBuilder()
        .setError(error(ErrorCode.INVALID_REQUEST, "partition -1 of orders")).build());

    Throwable e = failure(admin(node).electPreferredLeaders(List.of(new TopicPartition("orders", -1))));

    assertEquals(ErrorCode.INVALID_REQUEST, ((RafkaException) e).code());
  }

  // ---------------------------------------------------------------- metadata quorum

  private static DescribeMetadataQuorumResponse quorum(long lastContactOfNode1) {
    return DescribeMetadataQuorumResponse.newBuilder().setLeader(2).setTerm(4).setCommitIndex(1234)
        .addPeers(MetadataPeer.newBuilder().setNodeId(1).setRaftAddress("h1:9093").setRole("VOTER")
            .setLastContactMs(lastContactOfNode1))
        .addPeers(MetadataPeer.newBuilder().setNodeId(2).setRaftAddress("h2:9093").setRole("VOTER").setLeader(true)
            .setLastContactMs(-1))
        .addPeers(MetadataPeer.newBuilder().setNodeId(3).setRaftAddress("h3:9093").setRole("LISTENER")
            .setLastContactMs(lastContactOfNode1 < 0 ? -1 : 15))
        .build();
  }

  private static MetadataResponse twoNodes(FakeClusterNode first, String secondAddress) {
    return MetadataResponse.newBuilder().setMetadataEpoch(1)
        .addNodes(NodeInfo.newBuilder().setNodeId(1).setClientAddress(first.address()))
        .addNodes(NodeInfo.newBuilder().setNodeId(2).setClientAddress(secondAddress)).build();
  }

  @Test
  void theQuorumComesFromTheLeaderWhenAnotherNodeAnswersFirst() {
    FakeClusterNode follower = node();
    FakeClusterNode leader = node().answer("DescribeMetadataQuorum", quorum(12));
    follower.answer("DescribeMetadataQuorum", quorum(-1)).answer("GetMetadata", twoNodes(follower, leader.address()));

    MetadataQuorum q = admin(follower).describeMetadataQuorum().join();

    assertEquals(1, leader.requests("DescribeMetadataQuorum").size());
    assertEquals(2, q.leader());
    assertEquals(4, q.term());
    assertEquals(1234, q.commitIndex());
    assertEquals(List.of(new MetadataQuorum.Peer(1, "h1:9093", "VOTER", false, 12),
        new MetadataQuorum.Peer(2, "h2:9093", "VOTER", true, -1),
        new MetadataQuorum.Peer(3, "h3:9093", "LISTENER", false, 15)), q.peers());
    assertEquals(List.of(1, 2), q.voters());
  }

  @Test
  void theFirstAnswerStandsWhenTheLeaderCannotBeReached() {
    FakeClusterNode gone = new FakeClusterNode();
    String goneAddress = gone.address();
    gone.close();
    FakeClusterNode follower = node();
    follower.answer("DescribeMetadataQuorum", quorum(-1)).answer("GetMetadata", twoNodes(follower, goneAddress));

    MetadataQuorum q = admin(follower).describeMetadataQuorum().join();

    assertEquals(-1, q.peers().get(0).lastContactMs());
    assertEquals(2, q.leader());
  }

  @Test
  void voterChangesSendTheirKind() {
    FakeClusterNode node = node().answer("ChangeMetadataVoters", ChangeMetadataVotersResponse.newBuilder()
        .addAllVoters(List.of(1, 2, 4)).build());
    RafkaAdmin admin = admin(node);

    assertEquals(List.of(1, 2, 4), admin.addMetadataVoter(4).join());
    admin.removeMetadataVoter(3).join();
    admin.replaceMetadataVoter(3, 4).join();

    List<ChangeMetadataVotersRequest> sent = node.requests("ChangeMetadataVoters");
    assertEquals(4, sent.get(0).getAddVoter());
    assertEquals(ChangeMetadataVotersRequest.ChangeCase.REMOVE_VOTER, sent.get(1).getChangeCase());
    assertEquals(3, sent.get(1).getRemoveVoter());
    assertEquals(3, sent.get(2).getReplace().getOldVoter());
    assertEquals(4, sent.get(2).getReplace().getNewVoter());
  }

  @Test
  void aVoterChangeThatWouldLoseTheQuorumIsRefused() {
    FakeClusterNode node = node().answer("ChangeMetadataVoters", ChangeMetadataVotersResponse.newBuilder()
        .setError(error(ErrorCode.INVALID_MEMBERSHIP_CHANGE, "node 1 is the last voter")).build());

    Throwable e = failure(admin(node).removeMetadataVoter(1));

    assertInstanceOf(InvalidMembershipChangeException.class, e);
    assertEquals("INVALID_MEMBERSHIP_CHANGE: node 1 is the last voter", e.getMessage());
  }

  // ---------------------------------------------------------------- retries

  @Test
  void aNodeThatDoesNotAnswerIsLeftForAnother() {
    FakeClusterNode down = node().answer("DescribeCluster", Status.UNAVAILABLE.withDescription("shutting down"));
    FakeClusterNode up = node().answer("DescribeCluster", DescribeClusterResponse.newBuilder().setMetadataEpoch(3)
        .build());

    for (int i = 0; i < 5; i++) {
      assertEquals(3, admin(down, up).describeClusterStatus().join().metadataEpoch());
    }
    assertEquals(5, up.requests("DescribeCluster").size());
  }

  @Test
  void aMetadataGroupWithoutLeaderIsWaitedOut() {
    AtomicInteger calls = new AtomicInteger();
    FakeClusterNode node = node().answer("DecommissionNode", request -> calls.incrementAndGet() < 3
        ? NodeChangeResponse.newBuilder().setError(error(ErrorCode.METADATA_UNAVAILABLE, "electing")).build()
        : NodeChangeResponse.newBuilder().setMetadataEpoch(9).build());

    assertEquals(9, admin(node).decommissionNode(2).join().metadataEpoch());
    assertEquals(3, node.requests("DecommissionNode").size());
  }

  @Test
  void describeClusterWaitsOutAMetadataGroupWithoutLeaderToo() {
    AtomicInteger calls = new AtomicInteger();
    FakeClusterNode node = node();
    node.answer("GetMetadata", request -> calls.incrementAndGet() == 1
        ? MetadataResponse.newBuilder().setError(error(ErrorCode.METADATA_UNAVAILABLE, "electing")).build()
        : MetadataResponse.newBuilder().setMetadataEpoch(4)
            .addNodes(NodeInfo.newBuilder().setNodeId(1).setClientAddress(node.address())).build());

    assertEquals(4, admin(node).describeCluster().join().metadataEpoch());
  }
}
