package io.rafka.server.admin;

import io.rafka.proto.ErrorCode;
import io.rafka.proto.MetadataRequest;
import io.rafka.proto.MetadataResponse;
import io.rafka.proto.NodeInfo;
import io.rafka.proto.NodeState;
import io.rafka.proto.PartitionMetadata;
import io.rafka.proto.TopicMetadata;
import io.rafka.server.config.ServerConfig;
import io.rafka.server.errors.Errors;
import io.rafka.server.metadata.ClusterImage;
import io.rafka.server.metadata.LeaderInfo;
import io.rafka.server.metadata.TopicInfo;
import io.rafka.server.raft.RaftNode;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Answers metadata requests from this node's copy of the metadata, with the freshest leader it knows: its own
 * replica's view for partitions it hosts, else the leader last reported to the metadata group.
 * Thread-safe.
 */
public final class MetadataView {
  private final RaftNode raft;
  private final int nodeId;
  private final Set<Integer> voters;

  public MetadataView(ServerConfig config, RaftNode raft) {
    this.raft = raft;
    this.nodeId = config.nodeId();
    this.voters = config.metadataVoters().stream().map(ServerConfig.MetadataVoter::nodeId)
        .collect(Collectors.toSet());
  }

  public MetadataResponse metadata(MetadataRequest request) {
    ClusterImage image = raft.metadataImage();
    MetadataResponse.Builder b = MetadataResponse.newBuilder().setError(Errors.NONE)
        .setMetadataEpoch(image.epoch()).setRespondingNode(nodeId);
    image.nodes().values().forEach(n -> b.addNodes(NodeInfo.newBuilder().setNodeId(n.nodeId())
        .setClientAddress(n.clientAddress()).setRaftAddress(n.raftAddress()).setState(NodeState.NODE_ACTIVE)
        .setMetadataVoter(voters.contains(n.nodeId()))));
    if (request.getTopicsCount() == 0) {
      image.topics().values().forEach(t -> b.addTopics(topic(t)));
    } else {
      for (String name : request.getTopicsList()) {
        b.addTopics(image.topic(name).map(this::topic).orElseGet(() -> TopicMetadata.newBuilder().setName(name)
            .setError(Errors.of(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, "topic '" + name + "' does not exist"))
            .build()));
      }
    }
    return b.build();
  }

  /** A topic with each partition's replicas and best-known leader. */
  public TopicMetadata topic(TopicInfo t) {
    TopicMetadata.Builder tb = TopicMetadata.newBuilder().setName(t.name()).setError(Errors.NONE)
        .setTopicId(t.topicId()).setReplicationFactor(t.replicationFactor()).putAllConfigs(t.configs());
    for (int p = 0; p < t.partitions(); p++) {
      PartitionMetadata.Builder pb = PartitionMetadata.newBuilder().setPartition(p)
          .addAllReplicas(t.replicasOf(p)).setLeader(-1);
      OptionalInt local = raft.localLeader(t.topicId(), p);
      LeaderInfo reported = t.leaders().get(p);
      if (local.isPresent()) {
        pb.setLeader(local.getAsInt());
        raft.localTerm(t.topicId(), p).ifPresent(pb::setLeaderTerm);
      } else if (reported != null) {
        pb.setLeader(reported.nodeId()).setLeaderTerm(reported.term());
      }
      tb.addPartitions(pb);
    }
    return tb.build();
  }
}
