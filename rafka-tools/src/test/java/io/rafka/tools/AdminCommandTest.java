package io.rafka.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.rafka.proto.ChangeReplicasRequest;
import io.rafka.proto.ChangeReplicasResponse;
import io.rafka.proto.DescribeClusterResponse;
import io.rafka.proto.DescribeTopicResponse;
import io.rafka.proto.ElectPreferredLeadersRequest;
import io.rafka.proto.ElectPreferredLeadersResponse;
import io.rafka.proto.ElectionResult;
import io.rafka.proto.Error;
import io.rafka.proto.ErrorCode;
import io.rafka.proto.NodeChangeResponse;
import io.rafka.proto.NodeLiveness;
import io.rafka.proto.NodeState;
import io.rafka.proto.NodeStatus;
import io.rafka.proto.PartitionId;
import io.rafka.proto.PartitionMetadata;
import io.rafka.proto.PlanRequest;
import io.rafka.proto.PlanResponse;
import io.rafka.proto.TopicMetadata;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** {@code rafka-admin.sh} end to end against a fake node: what it sends, prints, and exits with. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AdminCommandTest {
  private static final long NOW = 1_700_000_100_000L;
  private final FakeNode node = new FakeNode();
  private final String address = node.address();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @AfterEach
  void stop() {
    node.close();
  }

  private int execute(String... command) {
    CommandLine commandLine = AdminCommand.commandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    String[] args = new String[command.length + 1];
    System.arraycopy(command, 0, args, 0, command.length);
    args[command.length] = "--bootstrap-server=" + address;
    // The leaf picocli is about to run gets a fixed clock, so "down 12s" does not depend on when tests run.
    commandLine.setExecutionStrategy(parseResult -> {
      CommandLine leaf = parseResult.asCommandLineList().get(parseResult.asCommandLineList().size() - 1);
      if (leaf.getCommand() instanceof AdminSubcommand sub) {
        sub.clock = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
      }
      return new CommandLine.RunLast().execute(parseResult);
    });
    return commandLine.execute(args);
  }

  private static Error error(ErrorCode code, String message) {
    return Error.newBuilder().setCode(code).setMessage(message).build();
  }

  @Test
  void aRefusalIsOneLineWithTheCodeAndTheServersMessage() {
    node.answer("DecommissionNode", NodeChangeResponse.newBuilder()
        .setError(error(ErrorCode.UNKNOWN_NODE, "node 9 is not registered")).build());

    assertEquals(1, execute("nodes", "decommission", "--node=9"));

    assertEquals("Error: UNKNOWN_NODE: node 9 is not registered" + System.lineSeparator(), err.toString());
    assertEquals("", out.toString());
  }

  @Test
  void aNodeThatCannotBeReachedIsOneLineToo() {
    node.close();

    assertEquals(1, execute("cluster", "status", "--timeout-ms=500"));

    assertEquals(1, err.toString().lines().count(), err.toString());
    assertTrue(err.toString().startsWith("Error: "), err.toString());
  }

  @Test
  void clusterStatusPrintsTheSummary() {
    node.answer("DescribeCluster", DescribeClusterResponse.newBuilder().setMetadataEpoch(42).setRingEpoch(7)
        .setMetadataLeader(1).setPartitions(12).setDeadTimeoutMs(60_000)
        .addNodes(NodeStatus.newBuilder().setNodeId(1).setClientAddress("127.0.0.1:9192")
            .setState(NodeState.NODE_ACTIVE).setLiveness(NodeLiveness.NODE_DOWN).setDownSinceMs(NOW - 12_000)
            .setMetadataVoter(true).setReplicas(3))
        .build());

    assertEquals(0, execute("cluster", "status"), err.toString());

    List<String> lines = out.toString().lines().toList();
    assertEquals("Metadata epoch: 42  Ring epoch: 7  Metadata leader: 1  Partitions: 12  Dead after: 60s",
        lines.get(0));
    assertEquals("1   127.0.0.1:9192  ACTIVE   down 12s  yes   3        0       0         0   0", lines.get(3));
    assertEquals("Moves in progress: none", lines.get(lines.size() - 1));
  }

  @Test
  void jsonIsTheModel() {
    node.answer("RemoveNode", NodeChangeResponse.newBuilder().setMetadataEpoch(8).build());

    assertEquals(0, execute("nodes", "remove", "--node=4", "--force", "--json"), err.toString());

    JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
    assertEquals(8, json.get("metadataEpoch").getAsLong());
    assertEquals(0, json.getAsJsonArray("moves").size());
  }

  @Test
  void aPlanIsADryRunUntilApplied() {
    node.answer("PlanMembershipChange", PlanResponse.newBuilder().setMetadataEpoch(5).build());

    assertEquals(0, execute("plan", "add-node", "--node=4"), err.toString());
    assertEquals(0, execute("plan", "remove-node", "--node=2", "--apply"), err.toString());

    List<PlanRequest> sent = node.requests("PlanMembershipChange");
    assertEquals(4, sent.get(0).getAddNode());
    assertEquals(false, sent.get(0).getApply());
    assertEquals(2, sent.get(1).getRemoveNode());
    assertEquals(true, sent.get(1).getApply());
    assertTrue(out.toString().contains(PlanFormatter.DRY_RUN), out.toString());
  }

  @Test
  void transferLeaderSendsTheTargetAndPrintsTheOutcome() {
    node.answer("ChangePartitionReplicas", ChangeReplicasResponse.newBuilder().addAllReplicas(List.of(2, 1, 3))
        .setLeader(2).build());

    assertEquals(0, execute("partitions", "transfer-leader", "--topic=orders", "--partition=3", "--to=2"),
        err.toString());

    ChangeReplicasRequest sent = node.<ChangeReplicasRequest>requests("ChangePartitionReplicas").get(0);
    assertEquals(2, sent.getTransferLeader());
    assertEquals("orders", sent.getTopic());
    assertEquals(3, sent.getPartition());
    assertEquals("orders-3: replicas 2,1,3, leader 2" + System.lineSeparator(), out.toString());
  }

  @Test
  void electPreferredForATopicAsksForEachOfItsPartitions() {
    node.answer("DescribeTopic", DescribeTopicResponse.newBuilder().setTopic(TopicMetadata.newBuilder()
        .setName("orders").addPartitions(PartitionMetadata.newBuilder().setPartition(0))
        .addPartitions(PartitionMetadata.newBuilder().setPartition(1))).build());
    node.answer("ElectPreferredLeaders", ElectPreferredLeadersResponse.getDefaultInstance());

    assertEquals(0, execute("partitions", "elect-preferred", "--topic=orders"), err.toString());

    ElectPreferredLeadersRequest sent = node.<ElectPreferredLeadersRequest>requests("ElectPreferredLeaders").get(0);
    assertEquals(List.of(PartitionId.newBuilder().setTopic("orders").setPartition(0).build(),
        PartitionId.newBuilder().setTopic("orders").setPartition(1).build()), sent.getPartitionsList());
  }

  @Test
  void electPreferredWithoutATopicAsksForAll() {
    node.answer("ElectPreferredLeaders", ElectPreferredLeadersResponse.getDefaultInstance());

    assertEquals(0, execute("partitions", "elect-preferred"), err.toString());

    assertEquals(0, node.<ElectPreferredLeadersRequest>requests("ElectPreferredLeaders").get(0)
        .getPartitionsCount());
    assertTrue(node.requests("DescribeTopic").isEmpty());
  }

  @Test
  void aFailedElectionPrintsTheTableThenFails() {
    node.answer("ElectPreferredLeaders", ElectPreferredLeadersResponse.newBuilder()
        .addResults(ElectionResult.newBuilder().setTopic("orders").setPartition(1).setPreferred(3).setLeader(2)
            .setError(error(ErrorCode.LEADER_NOT_AVAILABLE, "node 3 is catching up")))
        .build());

    assertEquals(1, execute("partitions", "elect-preferred", "--topic=orders", "--partition=1"));

    assertTrue(out.toString().contains("LEADER_NOT_AVAILABLE: node 3 is catching up"), out.toString());
    assertEquals("Error: 1 of 1 preferred leader elections failed; orders-1: LEADER_NOT_AVAILABLE: node 3 is "
        + "catching up" + System.lineSeparator(), err.toString());
  }

  @Test
  void aServerWithoutTheClusterServiceSaysSo() {
    assertEquals(1, execute("metadata", "voters", "list"));

    assertTrue(err.toString().startsWith("Error: call to describeMetadataQuorum on " + node.address()
        + " failed: UNIMPLEMENTED"), err.toString());
    assertEquals(1, err.toString().lines().count(), err.toString());
  }

  @Test
  void theTimeoutReachesTheClient() {
    node.answer("ChangePartitionReplicas", ChangeReplicasResponse.getDefaultInstance());

    assertEquals(0, execute("partitions", "add-replica", "--topic=t", "--partition=0", "--node=4",
        "--timeout-ms=10000"), err.toString());

    int serverTimeout = node.<ChangeReplicasRequest>requests("ChangePartitionReplicas").get(0).getTimeoutMs();
    assertTrue(serverTimeout > 8_000 && serverTimeout <= 9_500, "server timeout " + serverTimeout);
  }
}
