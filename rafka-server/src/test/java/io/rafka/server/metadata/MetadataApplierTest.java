package io.rafka.server.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rafka.proto.ErrorCode;
import io.rafka.proto.internal.AllocateProducerIdsCommand;
import io.rafka.proto.internal.CreateTopicCommand;
import io.rafka.proto.internal.DeleteTopicCommand;
import io.rafka.proto.internal.MetadataCommand;
import io.rafka.proto.internal.RegisterNodeCommand;
import io.rafka.proto.internal.ReportLeaderCommand;
import org.junit.jupiter.api.Test;

class MetadataApplierTest {
  private static ClusterImage threeNodes() {
    ClusterImage image = ClusterImage.EMPTY;
    for (int n = 1; n <= 3; n++) {
      image = MetadataApplier.apply(image, MetadataCommand.newBuilder().setRegisterNode(RegisterNodeCommand
          .newBuilder().setNodeId(n).setClientAddress("h:" + n).setRaftAddress("h:" + (100 + n)).setJoinRing(true)).build()).image();
    }
    return image;
  }

  private static MetadataCommand create(String name, String id, int partitions, int rf) {
    return MetadataCommand.newBuilder().setCreateTopic(CreateTopicCommand.newBuilder().setName(name).setTopicId(id)
        .setPartitions(partitions).setReplicationFactor(rf)).build();
  }

  @Test
  void createPlacesEveryPartitionOnDistinctNodesAndBumpsTheEpoch() {
    ClusterImage before = threeNodes();
    MetadataApplier.Outcome o = MetadataApplier.apply(before, create("orders", "id-1", 6, 3));
    assertEquals(ErrorCode.NONE, o.result().getError());
    TopicInfo t = o.image().topic("orders").orElseThrow();
    assertEquals(6, t.assignments().size());
    t.assignments().forEach(a -> assertEquals(3, a.replicas().stream().distinct().count()));
    assertEquals(before.epoch() + 1, o.image().epoch());
  }

  @Test
  void refusalsChangeNothing() {
    ClusterImage image = MetadataApplier.apply(threeNodes(), create("orders", "id-1", 3, 3)).image();
    MetadataApplier.Outcome dup = MetadataApplier.apply(image, create("orders", "id-2", 3, 3));
    assertEquals(ErrorCode.TOPIC_ALREADY_EXISTS, dup.result().getError());
    assertSame(image, dup.image());
    MetadataApplier.Outcome rf = MetadataApplier.apply(image, create("x", "id-3", 3, 4));
    assertEquals(ErrorCode.INVALID_REPLICATION_FACTOR, rf.result().getError());
    assertSame(image, rf.image());
    MetadataApplier.Outcome name = MetadataApplier.apply(image, create("a/b", "id-4", 3, 1));
    assertEquals(ErrorCode.INVALID_TOPIC, name.result().getError());
    MetadataApplier.Outcome zero = MetadataApplier.apply(image, create("y", "id-5", 0, 1));
    assertEquals(ErrorCode.INVALID_PARTITIONS, zero.result().getError());
  }

  @Test
  void deleteRemembersTheTopicIdSoReplicasCanBeRemoved() {
    ClusterImage image = MetadataApplier.apply(threeNodes(), create("orders", "id-1", 3, 3)).image();
    ClusterImage after = MetadataApplier.apply(image, MetadataCommand.newBuilder()
        .setDeleteTopic(DeleteTopicCommand.newBuilder().setName("orders")).build()).image();
    assertTrue(after.topic("orders").isEmpty());
    assertTrue(after.isDeleted("id-1"));
    MetadataApplier.Outcome again = MetadataApplier.apply(after, MetadataCommand.newBuilder()
        .setDeleteTopic(DeleteTopicCommand.newBuilder().setName("orders")).build());
    assertEquals(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, again.result().getError());
  }

  @Test
  void leaderReportsOnlyMoveForward() {
    ClusterImage image = MetadataApplier.apply(threeNodes(), create("orders", "id-1", 1, 3)).image();
    image = report(image, 2, 5);
    image = report(image, 3, 4);
    assertEquals(new LeaderInfo(2, 5), image.topic("orders").orElseThrow().leaders().get(0));
    image = report(image, 1, 6);
    assertEquals(new LeaderInfo(1, 6), image.topic("orders").orElseThrow().leaders().get(0));
  }

  private static ClusterImage report(ClusterImage image, int leader, long term) {
    return MetadataApplier.apply(image, MetadataCommand.newBuilder().setReportLeader(ReportLeaderCommand.newBuilder()
        .setTopicId("id-1").setPartition(0).setLeader(leader).setTerm(term)).build()).image();
  }

  @Test
  void producerIdBlocksNeverOverlap() {
    ClusterImage image = threeNodes();
    MetadataApplier.Outcome a = MetadataApplier.apply(image, MetadataCommand.newBuilder()
        .setAllocateProducerIds(AllocateProducerIdsCommand.newBuilder().setCount(10)).build());
    MetadataApplier.Outcome b = MetadataApplier.apply(a.image(), MetadataCommand.newBuilder()
        .setAllocateProducerIds(AllocateProducerIdsCommand.newBuilder().setCount(10)).build());
    assertEquals(a.result().getFirstProducerId() + 10, b.result().getFirstProducerId());
    MetadataApplier.Outcome bad = MetadataApplier.apply(image, MetadataCommand.newBuilder()
        .setAllocateProducerIds(AllocateProducerIdsCommand.newBuilder().setCount(0)).build());
    assertEquals(ErrorCode.INVALID_REQUEST, bad.result().getError());
  }

  @Test
  void imageSurvivesItsSnapshotForm() {
    ClusterImage image = MetadataApplier.apply(threeNodes(), create("orders", "id-1", 4, 2)).image();
    image = report(image, 2, 3);
    ClusterImage back = ImageCodec.fromProto(ImageCodec.toProto(image));
    assertEquals(ImageCodec.toProto(image), ImageCodec.toProto(back));
    assertEquals(image.topic("orders"), back.topic("orders"));
    assertFalse(back.nodes().isEmpty());
  }
}
