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
    MetadataImage.Builder b = MetadataImage.newBuilder().setEpoch(image.epoch())
        .setNextProducerId(image.nextProducerId()).addAllDeletedTopicIds(image.deletedTopicIds());
    image.nodes().values().forEach(n -> b.addNodes(NodeRecord.newBuilder().setNodeId(n.nodeId())
        .setClientAddress(n.clientAddress()).setRaftAddress(n.raftAddress())));
    for (TopicInfo t : image.topics().values()) {
      TopicRecord.Builder tb = TopicRecord.newBuilder().setName(t.name()).setTopicId(t.topicId())
          .setPartitions(t.partitions()).setReplicationFactor(t.replicationFactor()).putAllConfigs(t.configs())
          .setCreatedAtMs(t.createdAtMs());
      for (int p = 0; p < t.partitions(); p++) {
        tb.addAssignments(ReplicaAssignment.newBuilder().setPartition(p).addAllReplicas(t.replicasOf(p)));
      }
      new TreeMap<>(t.leaders()).forEach((p, l) -> tb.addLeaders(
          LeaderRecord.newBuilder().setPartition(p).setLeader(l.nodeId()).setTerm(l.term())));
      b.addTopics(tb);
    }
    return b.build();
  }

  public static ClusterImage fromProto(MetadataImage proto) {
    SortedMap<Integer, NodeInfo> nodes = new TreeMap<>();
    proto.getNodesList().forEach(n -> nodes.put(n.getNodeId(),
        new NodeInfo(n.getNodeId(), n.getClientAddress(), n.getRaftAddress())));
    SortedMap<String, TopicInfo> topics = new TreeMap<>();
    for (TopicRecord t : proto.getTopicsList()) {
      Map<Integer, LeaderInfo> leaders = new HashMap<>();
      t.getLeadersList().forEach(l -> leaders.put(l.getPartition(), new LeaderInfo(l.getLeader(), l.getTerm())));
      List<List<Integer>> replicas = new ArrayList<>();
      t.getAssignmentsList().forEach(a -> replicas.add(a.getReplicasList()));
      topics.put(t.getName(), new TopicInfo(t.getName(), t.getTopicId(), t.getPartitions(),
          t.getReplicationFactor(), t.getConfigsMap(), t.getCreatedAtMs(), replicas, leaders));
    }
    return new ClusterImage(proto.getEpoch(), nodes, topics, proto.getNextProducerId(),
        proto.getDeletedTopicIdsList());
  }
}
