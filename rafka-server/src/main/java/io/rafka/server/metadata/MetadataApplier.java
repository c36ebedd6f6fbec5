package io.rafka.server.metadata;

import io.rafka.proto.ErrorCode;
import io.rafka.proto.internal.CreateTopicCommand;
import io.rafka.proto.internal.MetadataCommand;
import io.rafka.proto.internal.MetadataCommandResult;
import io.rafka.proto.internal.ReportLeaderCommand;
import java.util.List;
import java.util.Map;

/**
 * Applies one committed metadata command to an image. A pure function: every replica of the metadata group
 * computes the same next image. It checks only what is the same on every node (names, existence, member
 * counts); limits that come from a node's own configuration are checked by the node that proposes the
 * command, before it is proposed, because two nodes' configs may differ and apply must not.
 * Stateless and thread-safe.
 */
public final class MetadataApplier {
  /** Producer ids are handed out in blocks so that a producer start does not need its own Raft entry. */
  public static final int MAX_PRODUCER_ID_BLOCK = 1_000_000;
  private MetadataApplier() {}

  /** The image after {@code command}, and the result to return to its proposer. */
  public static Outcome apply(ClusterImage image, MetadataCommand command) {
    switch (command.getCommandCase()) {
      case REGISTER_NODE:
        return MembershipCommands.registerNode(image, command.getRegisterNode());
      case SET_NODE_STATE:
        return MembershipCommands.setNodeState(image, command.getSetNodeState());
      case REMOVE_NODE:
        return MembershipCommands.removeNode(image, command.getRemoveNode());
      case SET_NODE_LIVENESS:
        return MembershipCommands.setNodeLiveness(image, command.getSetNodeLiveness());
      case REASSIGN_PARTITION:
        return MembershipCommands.reassignPartition(image, command.getReassignPartition());
      case COMPLETE_REASSIGNMENT:
        return MembershipCommands.completeReassignment(image, command.getCompleteReassignment());
      case CREATE_TOPIC:
        return createTopic(image, command.getCreateTopic());
      case DELETE_TOPIC:
        return deleteTopic(image, command.getDeleteTopic().getName());
      case REPORT_LEADER:
        return reportLeader(image, command.getReportLeader());
      case ALLOCATE_PRODUCER_IDS:
        return allocateProducerIds(image, command.getAllocateProducerIds().getCount());
      default:
        return refuse(image, ErrorCode.INVALID_REQUEST, "unknown metadata command " + command.getCommandCase());
    }
  }

  private static Outcome createTopic(ClusterImage image, CreateTopicCommand c) {
    String problem = TopicNames.problem(c.getName());
    if (problem != null) {
      return refuse(image, ErrorCode.INVALID_TOPIC, problem);
    }
    if (image.topics().containsKey(c.getName())) {
      return refuse(image, ErrorCode.TOPIC_ALREADY_EXISTS, "topic '" + c.getName() + "' already exists");
    }
    if (c.getPartitions() < 1) {
      return refuse(image, ErrorCode.INVALID_PARTITIONS, "partition count must be at least 1, was "
          + c.getPartitions());
    }
    int members = image.ringMembers().size();
    if (c.getReplicationFactor() < 1 || c.getReplicationFactor() > members) {
      return refuse(image, ErrorCode.INVALID_REPLICATION_FACTOR, "replication factor "
          + c.getReplicationFactor() + " must be between 1 and the number of nodes in the ring (" + members + ")");
    }
    if (c.getTopicId().isEmpty() || image.topicById(c.getTopicId()).isPresent()) {
      return refuse(image, ErrorCode.INVALID_REQUEST, "topic id missing or already used");
    }
    List<PartitionAssignment> assignments = RingRebalancer.place(image.ringMembers(), c.getName(),
        c.getPartitions(), c.getReplicationFactor()).stream().map(PartitionAssignment::of).toList();
    TopicInfo topic = new TopicInfo(c.getName(), c.getTopicId(), c.getPartitions(), c.getReplicationFactor(),
        c.getConfigsMap(), c.getCreatedAtMs(), assignments, Map.of());
    return ok(image.withTopic(topic));
  }

  private static Outcome deleteTopic(ClusterImage image, String name) {
    if (!image.topics().containsKey(name)) {
      return refuse(image, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, "topic '" + name + "' does not exist");
    }
    return ok(image.withoutTopic(name));
  }

  private static Outcome reportLeader(ClusterImage image, ReportLeaderCommand c) {
    TopicInfo topic = image.topicById(c.getTopicId()).orElse(null);
    if (topic == null || c.getPartition() < 0 || c.getPartition() >= topic.partitions()) {
      // The topic was deleted after the leader was elected: nothing to record.
      return ok(image);
    }
    LeaderInfo current = topic.leaders().get(c.getPartition());
    if (current != null && current.term() > c.getTerm()) {
      return ok(image);
    }
    LeaderInfo next = new LeaderInfo(c.getLeader(), c.getTerm());
    if (next.equals(current)) {
      return ok(image);
    }
    return ok(image.withTopic(topic.withLeader(c.getPartition(), next)));
  }

  private static Outcome allocateProducerIds(ClusterImage image, int count) {
    if (count < 1 || count > MAX_PRODUCER_ID_BLOCK) {
      return refuse(image, ErrorCode.INVALID_REQUEST, "producer id block size must be 1.."
          + MAX_PRODUCER_ID_BLOCK + ", was " + count);
    }
    long first = image.nextProducerId();
    ClusterImage next = image.withNextProducerId(first + count);
    return new Outcome(next, MetadataCommandResult.newBuilder().setMetadataEpoch(next.epoch())
        .setFirstProducerId(first).build());
  }

  private static Outcome ok(ClusterImage image) {
    return Outcome.ok(image);
  }

  private static Outcome refuse(ClusterImage image, ErrorCode code, String message) {
    return Outcome.refuse(image, code, message);
  }

  /** The next image and the proposer's result. */
  public record Outcome(ClusterImage image, MetadataCommandResult result) {
    static Outcome ok(ClusterImage image) {
      return new Outcome(image, MetadataCommandResult.newBuilder().setMetadataEpoch(image.epoch()).build());
    }

    /** A refused command: the image unchanged, and the error for its proposer. */
    static Outcome refuse(ClusterImage image, ErrorCode code, String message) {
      return new Outcome(image, MetadataCommandResult.newBuilder().setError(code).setMessage(message)
          .setMetadataEpoch(image.epoch()).build());
    }
  }
}
