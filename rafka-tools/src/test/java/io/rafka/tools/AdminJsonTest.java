package io.rafka.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.rafka.client.admin.ClusterStatus;
import io.rafka.client.admin.ElectionResult;
import io.rafka.client.admin.NodeLiveness;
import io.rafka.client.admin.NodeState;
import io.rafka.client.admin.NodeStatus;
import io.rafka.client.admin.PartitionMove;
import io.rafka.client.admin.ReassignmentPlan;
import io.rafka.client.errors.InvalidMembershipChangeException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminJsonTest {
  private static JsonObject parse(Object model) {
    return JsonParser.parseString(AdminJson.toJson(model)).getAsJsonObject();
  }

  @Test
  void clusterStatusUnderItsComponentNamesWithEnumsByName() {
    ClusterStatus status = new ClusterStatus(42, 7, 2, -1, List.of(new NodeStatus(3, "h3:9092", "h3:9093",
        NodeState.JOINING, NodeLiveness.DEAD, 1_700_000_000_000L, false, 0, 0, 0, 1, 0)), 12, List.of(), List.of(),
        List.of(new PartitionMove("orders", 5, List.of(2, 1), List.of(1, 4), -1, true)), 60_000);

    JsonObject json = parse(status);

    assertEquals(42, json.get("metadataEpoch").getAsLong());
    assertEquals(7, json.get("ringEpoch").getAsLong());
    assertEquals(-1, json.get("metadataLeader").getAsInt());
    assertEquals(12, json.get("partitionCount").getAsInt());
    assertEquals(60_000, json.get("deadTimeoutMs").getAsLong());
    JsonObject node = json.getAsJsonArray("nodes").get(0).getAsJsonObject();
    assertEquals(3, node.get("nodeId").getAsInt());
    assertEquals("JOINING", node.get("state").getAsString());
    assertEquals("DEAD", node.get("liveness").getAsString());
    assertEquals(1_700_000_000_000L, node.get("downSinceMs").getAsLong());
    assertEquals(1, node.get("incomingMoves").getAsInt());
    assertEquals(0, json.getAsJsonArray("underReplicated").size());
    JsonObject move = json.getAsJsonArray("moves").get(0).getAsJsonObject();
    assertEquals("orders", move.get("topic").getAsString());
    assertEquals("[1,4]", move.get("to").toString());
    assertTrue(move.get("override").getAsBoolean());
  }

  @Test
  void anElectionErrorIsItsCodeAndMessageAndSuccessIsNull() {
    JsonObject json = parse(Map.of("results", List.of(
        new ElectionResult("orders", 0, 1, 1, null),
        new ElectionResult("orders", 1, 3, -1, new InvalidMembershipChangeException(
            "INVALID_MEMBERSHIP_CHANGE: node 3 is leaving")))));

    JsonObject ok = json.getAsJsonArray("results").get(0).getAsJsonObject();
    assertTrue(ok.get("error").isJsonNull());
    JsonObject error = json.getAsJsonArray("results").get(1).getAsJsonObject().getAsJsonObject("error");
    assertEquals("INVALID_MEMBERSHIP_CHANGE", error.get("code").getAsString());
    assertEquals("INVALID_MEMBERSHIP_CHANGE: node 3 is leaving", error.get("message").getAsString());
    assertEquals(2, error.size(), "no stack trace, no cause: " + error);
  }

  @Test
  void aPlanKeepsItsNestedCounts() {
    JsonObject json = parse(new ReassignmentPlan(List.of(), 1, 1000, 2,
        List.of(new ReassignmentPlan.NodeReplicaCount(4, 0, 1)), true, 77));

    assertTrue(json.get("applied").getAsBoolean());
    assertEquals(1000, json.get("movedBytes").getAsLong());
    JsonObject count = json.getAsJsonArray("replicasPerNode").get(0).getAsJsonObject();
    assertEquals(4, count.get("nodeId").getAsInt());
    assertEquals(1, count.get("after").getAsInt());
  }

  @Test
  void textIsNotHtmlEscaped() {
    assertTrue(AdminJson.toJson(Map.of("reason", "a <b> & 'c'")).contains("a <b> & 'c'"));
  }
}
