package io.rafka.server.metadata;

import io.rafka.proto.internal.LeaderRecord;
import io.rafka.proto.internal.MetadataImage;
import io.rafka.proto.internal.NodeRecord;
import io.rafka.proto.internal.ReplicaAssignment;
import io.rafka.proto.internal.TopicRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Converts a {@link ClusterImage} to and from its snapshot form. Stateless and thread-safe. */
public final class ImageCodec {
  private ImageCodec() {}

  public static MetadataImage toProto(ClusterImage image) {
    MetadataImage.Builder b = MetadataImage.newBuilder().setEpoch(image.epoch()).setRingEpoch(image.ringEpoch())
        .setNextProducerId(image.nextProducerId()).addAllDeletedTopicIds(image.deletedTopicIds());
    image.nodes().values().forEach(n -> b.addNodes(NodeRecord.newBuilder().setNodeId(n.nodeId())
        .setClientAddress(n.clientAddress()).setRaftAddress(n.raftAddress()).setState(toProto(n.state()))
        .setDownSinceMs(n.downSinceMs())));
    for (TopicInfo t : image.topics().values()) {
      TopicRecord.Builder tb = TopicRecord.newBuilder().setName(t.name()).setTopicId(t.topicId())
          .setPartitions(t.partitions()).setReplicationFactor(t.replicationFactor()).putAllConfigs(t.configs())
          .setCreatedAtMs(t.createdAtMs());
      for (int p = 0; p < t.partitions(); p++) {
        PartitionAssignment a = t.assignment(p);
        tb.addAssignments(ReplicaAssignment.newBuilder().setPartition(p).addAllReplicas(a.replicas())
            .addAllTarget(a.target()).setOverride(a.override()));
      }
      new TreeMap<>(t.leaders()).forEach((p, l) -> tb.addLeaders(
          LeaderRecord.newBuilder().setPartition(p).setLeader(l.nodeId()).setTerm(l.term())));
      b.addTopics(tb);
    }
    return b.build();
  }

  public static ClusterImage fromProto(MetadataImage proto) {
    SortedMap<Integer, NodeInfo> nodes = new TreeMap<>();
    proto.getNodesList().forEach(n -> nodes.put(n.getNodeId(), new NodeInfo(n.getNodeId(), n.getClientAddress(),
        n.getRaftAddress(), fromProto(n.getState()), n.getDownSinceMs())));
    SortedMap<String, TopicInfo> topics = new TreeMap<>();
    for (TopicRecord t : proto.getTopicsList()) {
      Map<Integer, LeaderInfo> leaders = new HashMap<>();
      t.getLeadersList().forEach(l -> leaders.put(l.getPartition(), new LeaderInfo(l.getLeader(), l.getTerm())));
      List<PartitionAssignment> assignments = new ArrayList<>();
      t.getAssignmentsList().forEach(a -> assignments.add(
          new PartitionAssignment(a.getReplicasList(), a.getTargetList(), a.getOverride())));
      topics.put(t.getName(), new TopicInfo(t.getName(), t.getTopicId(), t.getPartitions(),
          t.getReplicationFactor(), t.getConfigsMap(), t.getCreatedAtMs(), assignments, leaders));
    }
    return new ClusterImage(proto.getEpoch(), proto.getRingEpoch(), nodes, topics, proto.getNextProducerId(),
        proto.getDeletedTopicIdsList());
  }

  static io.rafka.proto.internal.MemberState toProto(MemberState state) {
    return switch (state) {
      case JOINING -> io.rafka.proto.internal.MemberState.MEMBER_JOINING;
      case ACTIVE -> io.rafka.proto.internal.MemberState.MEMBER_ACTIVE;
      case LEAVING -> io.rafka.proto.internal.MemberState.MEMBER_LEAVING;
    };
  }

  /** Images written before nodes had a state hold UNSPECIFIED: those nodes were all in the ring. */
  static MemberState fromProto(io.rafka.proto.internal.MemberState state) {
    return switch (state) {
      case MEMBER_JOINING -> MemberState.JOINING;
      case MEMBER_LEAVING -> MemberState.LEAVING;
      default -> MemberState.ACTIVE;
    };
  }
}
