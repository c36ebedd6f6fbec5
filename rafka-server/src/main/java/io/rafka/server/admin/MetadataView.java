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
import io.rafka.server.metadata.MemberState;
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
  private final Set<Integer> configuredVoters;

  public MetadataView(ServerConfig config, RaftNode raft) {
    this.raft = raft;
    this.nodeId = config.nodeId();
    this.configuredVoters = config.metadataVoters().stream().map(ServerConfig.MetadataVoter::nodeId)
        .collect(Collectors.toSet());
  }

  /** The metadata group's voters as its configuration says, or as configured before this node joined it. */
  public Set<Integer> metadataVoters() {
    return raft.metadataQuorum().map(q -> Set.copyOf(q.voterIds())).orElse(configuredVoters);
  }

  public static NodeState state(MemberState state) {
    return switch (state) {
      case JOINING -> NodeState.NODE_JOINING;
      case ACTIVE -> NodeState.NODE_ACTIVE;
      case LEAVING -> NodeState.NODE_LEAVING;
    };
  }

  public MetadataResponse metadata(MetadataRequest request) {
    ClusterImage image = raft.metadataImage();
    MetadataResponse.Builder b = MetadataResponse.newBuilder().setError(Errors.NONE)
        .setMetadataEpoch(image.epoch()).setRespondingNode(nodeId);
    Set<Integer> voters = metadataVoters();
    image.nodes().values().forEach(n -> b.addNodes(NodeInfo.newBuilder().setNodeId(n.nodeId())
        .setClientAddress(n.clientAddress()).setRaftAddress(n.raftAddress()).setState(state(n.state()))
        .setMetadataVoter(voters.contains(n.nodeId())).setDownSinceMs(n.downSinceMs())));
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
      LeaderInfo leader = leader(t, p);
      tb.addPartitions(PartitionMetadata.newBuilder().setPartition(p).addAllReplicas(t.replicasOf(p))
          .addAllTargetReplicas(t.assignment(p).target()).setLeader(leader.nodeId()).setLeaderTerm(leader.term()));
    }
    return tb.build();
  }

  /**
   * The best-known leader of a partition: this node's own replica's view if it hosts one, else the leader last
   * reported to the metadata group; node -1 when neither knows.
   */
  public LeaderInfo leader(TopicInfo t, int partition) {
    OptionalInt local = raft.localLeader(t.topicId(), partition);
    if (local.isPresent()) {
      return new LeaderInfo(local.getAsInt(), raft.localTerm(t.topicId(), partition).orElse(0L));
    }
    LeaderInfo reported = t.leaders().get(partition);
    return reported != null ? reported : new LeaderInfo(-1, 0);
  }
}
