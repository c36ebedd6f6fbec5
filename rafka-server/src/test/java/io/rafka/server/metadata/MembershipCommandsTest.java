package io.rafka.server.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rafka.proto.ErrorCode;
import io.rafka.proto.internal.CompleteReassignmentCommand;
import io.rafka.proto.internal.CreateTopicCommand;
import io.rafka.proto.internal.MemberState;
import io.rafka.proto.internal.MetadataCommand;
import io.rafka.proto.internal.ReassignPartitionCommand;
import io.rafka.proto.internal.RegisterNodeCommand;
import io.rafka.proto.internal.RemoveNodeCommand;
import io.rafka.proto.internal.SetNodeLivenessCommand;
import io.rafka.proto.internal.SetNodeStateCommand;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Membership commands as the metadata group applies them: joins, drains, removals, moves and refusals. */
class MembershipCommandsTest {
  private static MetadataApplier.Outcome apply(ClusterImage image, MetadataCommand command) {
    return MetadataApplier.apply(image, command);
  }

  private static MetadataCommand register(int node, boolean joinRing) {
    return MetadataCommand.newBuilder().setRegisterNode(RegisterNodeCommand.newBuilder().setNodeId(node)
        .setClientAddress("h:" + node).setRaftAddress("h:" + (100 + node)).setJoinRing(joinRing)).build();
  }

  private static MetadataCommand state(int node, MemberState state) {
    return MetadataCommand.newBuilder().setSetNodeState(SetNodeStateCommand.newBuilder().setNodeId(node)
        .setState(state)).build();
  }

  private static MetadataCommand remove(int node, boolean force) {
    return MetadataCommand.newBuilder().setRemoveNode(RemoveNodeCommand.newBuilder().setNodeId(node)
        .setForce(force)).build();
  }

  private static MetadataCommand down(int node, long since) {
    return MetadataCommand.newBuilder().setSetNodeLiveness(SetNodeLivenessCommand.newBuilder().setNodeId(node)
        .setDownSinceMs(since)).build();
  }

  private static MetadataCommand complete(TopicInfo t, int p, List<Integer> target) {
    return MetadataCommand.newBuilder().setCompleteReassignment(CompleteReassignmentCommand.newBuilder()
        .setTopicId(t.topicId()).setPartition(p).addAllTarget(target)).build();
  }

  private static ClusterImage cluster(int nodes, int partitions, int rf) {
    ClusterImage image = ClusterImage.EMPTY;
    for (int n = 1; n <= nodes; n++) {
      image = apply(image, register(n, true)).image();
    }
    return apply(image, MetadataCommand.newBuilder().setCreateTopic(CreateTopicCommand.newBuilder().setName("t")
        .setTopicId("id-t").setPartitions(partitions).setReplicationFactor(rf)).build()).image();
  }

  /** Completes every pending move, as partition leaders would. */
  private static ClusterImage completeAll(ClusterImage image) {
    for (TopicInfo t : image.topics().values()) {
      for (int p = 0; p < t.partitions(); p++) {
        if (t.assignment(p).moving()) {
          image = apply(image, complete(t, p, t.assignment(p).target())).image();
        }
      }
    }
    return image;
  }

  @Test
  void aJoiningNodeGetsExactlyWhatTheRingPlacesOnIt() {
    ClusterImage before = cluster(3, 12, 3);
    ClusterImage after = apply(before, register(4, true)).image();
    assertEquals(before.ringEpoch() + 1, after.ringEpoch());
    TopicInfo t = after.topic("t").orElseThrow();
    List<List<Integer>> ring = RingRebalancer.place(List.of(1, 2, 3, 4), "t", 12, 3);
    int moving = 0;
    for (int p = 0; p < 12; p++) {
      PartitionAssignment a = t.assignment(p);
      assertEquals(before.topic("t").orElseThrow().replicasOf(p), a.replicas(), "replicas only change on completion");
      if (a.moving()) {
        moving++;
        assertEquals(ring.get(p), a.target());
      } else {
        assertEquals(ring.get(p), a.replicas(), "partition " + p + " already where the ring puts it");
      }
    }
    assertTrue(moving > 0 && moving < 12, "only some partitions move, moved " + moving);
    ClusterImage done = completeAll(after);
    for (int p = 0; p < 12; p++) {
      assertEquals(ring.get(p), done.topic("t").orElseThrow().replicasOf(p));
    }
  }

  @Test
  void aNodeRegisteredOutsideTheRingHoldsNothingUntilLetIn() {
    ClusterImage before = cluster(3, 6, 3);
    ClusterImage joined = apply(before, register(4, false)).image();
    assertEquals(io.rafka.server.metadata.MemberState.JOINING, joined.nodes().get(4).state());
    assertEquals(before.ringEpoch(), joined.ringEpoch());
    assertTrue(MembershipCommands.heldBy(joined, 4).isEmpty());
    ClusterImage in = apply(joined, state(4, MemberState.MEMBER_ACTIVE)).image();
    assertFalse(MembershipCommands.heldBy(in, 4).isEmpty());
  }

  @Test
  void decommissionDrainsTheNodeAndDeletesItOnceEmpty() {
    ClusterImage image = completeAll(apply(cluster(3, 12, 3), register(4, true)).image());
    ClusterImage leaving = apply(image, state(2, MemberState.MEMBER_LEAVING)).image();
    assertTrue(leaving.nodes().containsKey(2));
    assertFalse(leaving.ringMembers().contains(2));
    ClusterImage drained = completeAll(leaving);
    assertFalse(drained.nodes().containsKey(2), "a drained leaving node is deleted");
    List<List<Integer>> ring = RingRebalancer.place(List.of(1, 3, 4), "t", 12, 3);
    for (int p = 0; p < 12; p++) {
      assertEquals(ring.get(p), drained.topic("t").orElseThrow().replicasOf(p));
    }
  }

  @Test
  void refusalsChangeNothing() {
    ClusterImage three = cluster(3, 6, 3);
    assertRefused(three, state(2, MemberState.MEMBER_LEAVING), ErrorCode.INVALID_MEMBERSHIP_CHANGE,
        "replication factor 3 but only 2 nodes");
    assertRefused(three, remove(2, false), ErrorCode.INVALID_MEMBERSHIP_CHANGE, "still holds");
    assertRefused(three, remove(2, true), ErrorCode.INVALID_MEMBERSHIP_CHANGE, "is alive");
    assertRefused(three, remove(9, false), ErrorCode.UNKNOWN_NODE, "node 9");
    ClusterImage single = apply(ClusterImage.EMPTY, register(1, true)).image();
    assertRefused(single, remove(1, false), ErrorCode.INVALID_MEMBERSHIP_CHANGE, "last node");
    assertRefused(single, state(1, MemberState.MEMBER_LEAVING), ErrorCode.INVALID_MEMBERSHIP_CHANGE, "last node");

    ClusterImage four = completeAll(apply(three, register(4, true)).image());
    ClusterImage twoDown = apply(apply(four, down(2, 1000)).image(), down(3, 1000)).image();
    // Any partition on 2 and 3 (and one more) has no live majority: its group cannot be reconfigured.
    assertRefused(twoDown, remove(2, true), ErrorCode.INVALID_MEMBERSHIP_CHANGE, "without a quorum");
  }

  @Test
  void forcedRemovalOfADownNodeReplacesItsReplicasFromTheSurvivors() {
    ClusterImage four = completeAll(apply(cluster(3, 12, 3), register(4, true)).image());
    ClusterImage down = apply(four, down(3, 1000)).image();
    ClusterImage removing = apply(down, remove(3, true)).image();
    assertFalse(removing.ringMembers().contains(3));
    ClusterImage done = completeAll(removing);
    assertFalse(done.nodes().containsKey(3));
    for (PartitionAssignment a : done.topic("t").orElseThrow().assignments()) {
      assertEquals(3, a.replicas().size());
      assertFalse(a.replicas().contains(3));
    }
  }

  @Test
  void aStaleCompletionIsIgnored() {
    ClusterImage moving = apply(cluster(3, 12, 3), register(4, true)).image();
    TopicInfo t = moving.topic("t").orElseThrow();
    int p = 0;
    while (!t.assignment(p).moving()) {
      p++;
    }
    List<Integer> wrong = new ArrayList<>(t.assignment(p).target());
    java.util.Collections.reverse(wrong);
    MetadataApplier.Outcome o = apply(moving, complete(t, p, wrong));
    assertEquals(ErrorCode.NONE, o.result().getError());
    assertSame(moving, o.image());
  }

  @Test
  void anOverrideIsKeptAcrossRingChangesUnlessItsNodeLeaves() {
    ClusterImage four = completeAll(apply(cluster(3, 4, 2), register(4, true)).image());
    TopicInfo t = four.topic("t").orElseThrow();
    List<Integer> current = t.replicasOf(0);
    int extra = List.of(1, 2, 3, 4).stream().filter(n -> !current.contains(n)).findFirst().orElseThrow();
    List<Integer> target = new ArrayList<>(current);
    target.add(extra);
    ClusterImage overridden = completeAll(apply(four, MetadataCommand.newBuilder().setReassignPartition(
        ReassignPartitionCommand.newBuilder().setTopicId(t.topicId()).setPartition(0).addAllTarget(target)).build())
        .image());
    assertEquals(target, overridden.topic("t").orElseThrow().replicasOf(0));
    assertTrue(overridden.topic("t").orElseThrow().assignment(0).override());
    ClusterImage five = apply(overridden, register(5, true)).image();
    assertEquals(target, destination(five, 0), "a ring change leaves an override alone");
    ClusterImage leaving = apply(overridden, state(extra, MemberState.MEMBER_LEAVING)).image();
    assertFalse(destination(leaving, 0).contains(extra), "but not one that names a leaving node");
  }

  private static List<Integer> destination(ClusterImage image, int p) {
    PartitionAssignment a = image.topic("t").orElseThrow().assignment(p);
    return a.moving() ? a.target() : a.replicas();
  }

  @Test
  void reassigningAMovingPartitionIsRefused() {
    ClusterImage moving = apply(cluster(3, 12, 3), register(4, true)).image();
    TopicInfo t = moving.topic("t").orElseThrow();
    int p = 0;
    while (!t.assignment(p).moving()) {
      p++;
    }
    assertRefused(moving, MetadataCommand.newBuilder().setReassignPartition(ReassignPartitionCommand.newBuilder()
        .setTopicId(t.topicId()).setPartition(p).addAllTarget(List.of(1, 2, 3))).build(),
        ErrorCode.REASSIGNMENT_IN_PROGRESS, "is moving");
    assertRefused(moving, MetadataCommand.newBuilder().setReassignPartition(ReassignPartitionCommand.newBuilder()
        .setTopicId(t.topicId()).setPartition(p).addAllTarget(List.of(1, 1))).build(),
        ErrorCode.REASSIGNMENT_IN_PROGRESS, "is moving");
  }

  @Test
  void membershipSurvivesTheSnapshotForm() {
    ClusterImage image = apply(apply(apply(cluster(3, 6, 3), register(4, true)).image(), down(2, 77)).image(),
        register(5, false)).image();
    ClusterImage back = ImageCodec.fromProto(ImageCodec.toProto(image));
    assertEquals(ImageCodec.toProto(image), ImageCodec.toProto(back));
    assertEquals(image.ringEpoch(), back.ringEpoch());
    assertEquals(77, back.nodes().get(2).downSinceMs());
  }

  private static void assertRefused(ClusterImage image, MetadataCommand command, ErrorCode code, String says) {
    MetadataApplier.Outcome o = apply(image, command);
    assertEquals(code, o.result().getError(), o.result().getMessage());
    assertTrue(o.result().getMessage().contains(says), o.result().getMessage());
    assertSame(image, o.image(), "a refusal changes nothing");
  }
}
