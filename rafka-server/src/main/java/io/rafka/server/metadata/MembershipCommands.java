package io.rafka.server.metadata;

import io.rafka.proto.ErrorCode;
import io.rafka.proto.internal.CompleteReassignmentCommand;
import io.rafka.proto.internal.ReassignPartitionCommand;
import io.rafka.proto.internal.RegisterNodeCommand;
import io.rafka.proto.internal.RemoveNodeCommand;
import io.rafka.proto.internal.SetNodeLivenessCommand;
import io.rafka.proto.internal.SetNodeStateCommand;
import io.rafka.server.metadata.MetadataApplier.Outcome;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Applies the commands that change the cluster's members and where replicas live: registration, the ring
 * states (join, decommission, removal), liveness, and partition moves. Pure functions of the image, like
 * {@link MetadataApplier}: every refusal here depends only on the image, so every replica refuses alike.
 * Stateless and thread-safe.
 */
final class MembershipCommands {
  private MembershipCommands() {}

  static Outcome registerNode(ClusterImage image, RegisterNodeCommand c) {
    if (c.getNodeId() < 1 || c.getClientAddress().isEmpty() || c.getRaftAddress().isEmpty()) {
      return Outcome.refuse(image, ErrorCode.INVALID_REQUEST, "node registration needs an id >= 1 and both addresses");
    }
    NodeInfo existing = image.nodes().get(c.getNodeId());
    MemberState state = existing == null
        ? (c.getJoinRing() ? MemberState.ACTIVE : MemberState.JOINING)
        : (existing.state() == MemberState.JOINING && c.getJoinRing() ? MemberState.ACTIVE : existing.state());
    NodeInfo node = new NodeInfo(c.getNodeId(), c.getClientAddress(), c.getRaftAddress(), state,
        existing == null ? 0 : existing.downSinceMs());
    if (node.equals(existing)) {
      return Outcome.ok(image);
    }
    return Outcome.ok(afterRingChange(image, image.withNode(node)));
  }

  static Outcome setNodeState(ClusterImage image, SetNodeStateCommand c) {
    NodeInfo node = image.nodes().get(c.getNodeId());
    if (node == null) {
      return unknownNode(image, c.getNodeId());
    }
    MemberState next = ImageCodec.fromProto(c.getState());
    if (next == node.state()) {
      return Outcome.ok(image);
    }
    if (next == MemberState.JOINING) {
      return Outcome.refuse(image, ErrorCode.INVALID_MEMBERSHIP_CHANGE, "node " + node.nodeId()
          + " cannot go back to JOINING");
    }
    if (next == MemberState.LEAVING) {
      String problem = leavingProblem(image, node.nodeId());
      if (problem != null) {
        return Outcome.refuse(image, ErrorCode.INVALID_MEMBERSHIP_CHANGE, problem);
      }
    }
    return Outcome.ok(afterRingChange(image, image.withNode(node.withState(next))));
  }

  static Outcome removeNode(ClusterImage image, RemoveNodeCommand c) {
    NodeInfo node = image.nodes().get(c.getNodeId());
    if (node == null) {
      return unknownNode(image, c.getNodeId());
    }
    List<String> held = heldBy(image, node.nodeId());
    if (held.isEmpty()) {
      if (image.nodes().size() == 1) {
        return Outcome.refuse(image, ErrorCode.INVALID_MEMBERSHIP_CHANGE, "node " + node.nodeId()
            + " is the last node of the cluster");
      }
      String problem = node.inRing() ? ringSizeProblem(image, node.nodeId()) : null;
      if (problem != null) {
        return Outcome.refuse(image, ErrorCode.INVALID_MEMBERSHIP_CHANGE, problem);
      }
      return Outcome.ok(afterRingChange(image, image.withoutNode(node.nodeId())));
    }
    if (!c.getForce()) {
      return Outcome.refuse(image, ErrorCode.INVALID_MEMBERSHIP_CHANGE, "node " + node.nodeId() + " still holds "
          + held.size() + " replicas (" + sample(held) + "); decommission it first, or remove it with force if "
          + "it is dead");
    }
    if (!node.isDown()) {
      return Outcome.refuse(image, ErrorCode.INVALID_MEMBERSHIP_CHANGE, "node " + node.nodeId()
          + " is alive; decommission it instead of forcing its removal");
    }
    if (node.state() == MemberState.LEAVING) {
      return Outcome.ok(image);
    }
    String problem = leavingProblem(image, node.nodeId());
    if (problem != null) {
      return Outcome.refuse(image, ErrorCode.INVALID_MEMBERSHIP_CHANGE, problem);
    }
    return Outcome.ok(afterRingChange(image, image.withNode(node.withState(MemberState.LEAVING))));
  }

  static Outcome setNodeLiveness(ClusterImage image, SetNodeLivenessCommand c) {
    NodeInfo node = image.nodes().get(c.getNodeId());
    if (node == null || node.downSinceMs() == c.getDownSinceMs() || c.getDownSinceMs() < 0) {
      return Outcome.ok(image);
    }
    return Outcome.ok(image.withNode(node.withDownSince(c.getDownSinceMs())));
  }

  static Outcome reassignPartition(ClusterImage image, ReassignPartitionCommand c) {
    TopicInfo topic = image.topicById(c.getTopicId()).orElse(null);
    if (topic == null || c.getPartition() < 0 || c.getPartition() >= topic.partitions()) {
      return Outcome.refuse(image, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, "no partition " + c.getPartition()
          + " of topic id " + c.getTopicId());
    }
    String name = topic.name() + "-" + c.getPartition();
    PartitionAssignment a = topic.assignment(c.getPartition());
    if (a.moving()) {
      return Outcome.refuse(image, ErrorCode.REASSIGNMENT_IN_PROGRESS, name + " is moving from " + a.replicas()
          + " to " + a.target() + "; change it again once that is done");
    }
    List<Integer> target = c.getTargetList();
    if (target.isEmpty() || new HashSet<>(target).size() != target.size()) {
      return Outcome.refuse(image, ErrorCode.INVALID_REQUEST, "replica set " + target + " for " + name
          + " must be non-empty and without repeats");
    }
    for (int n : target) {
      NodeInfo node = image.nodes().get(n);
      if (node == null) {
        return unknownNode(image, n);
      }
      if (!a.replicas().contains(n) && (!node.inRing() || node.isDown())) {
        return Outcome.refuse(image, ErrorCode.INVALID_MEMBERSHIP_CHANGE, "node " + n + " cannot take a new "
            + "replica: it is " + (node.isDown() ? "down" : node.state() + ", not in the ring"));
      }
    }
    String quorum = quorumProblem(name, a.replicas(), image);
    if (quorum != null) {
      return Outcome.refuse(image, ErrorCode.INVALID_MEMBERSHIP_CHANGE, "cannot reconfigure " + quorum);
    }
    if (target.equals(a.replicas())) {
      return Outcome.ok(image);
    }
    return Outcome.ok(image.withTopic(topic.withAssignment(c.getPartition(), a.retarget(target, true))));
  }

  static Outcome completeReassignment(ClusterImage image, CompleteReassignmentCommand c) {
    TopicInfo topic = image.topicById(c.getTopicId()).orElse(null);
    if (topic == null || c.getPartition() < 0 || c.getPartition() >= topic.partitions()) {
      return Outcome.ok(image);
    }
    PartitionAssignment a = topic.assignment(c.getPartition());
    if (!a.moving() || !a.target().equals(c.getTargetList())) {
      return Outcome.ok(image);
    }
    return Outcome.ok(withoutDrainedNodes(image.withTopic(topic.withAssignment(c.getPartition(), a.completed()))));
  }

  /** Why {@code nodeId} may not leave the ring now, or null. */
  private static String leavingProblem(ClusterImage image, int nodeId) {
    String size = ringSizeProblem(image, nodeId);
    if (size != null) {
      return size;
    }
    for (TopicInfo t : image.topics().values()) {
      for (int p = 0; p < t.partitions(); p++) {
        List<Integer> replicas = t.replicasOf(p);
        if (replicas.contains(nodeId)) {
          String quorum = quorumProblem(t.name() + "-" + p, replicas, image);
          if (quorum != null) {
            return "removing node " + nodeId + " would leave a partition without a quorum: " + quorum;
          }
        }
      }
    }
    return null;
  }

  private static String ringSizeProblem(ClusterImage image, int nodeId) {
    List<Integer> after = new ArrayList<>(image.ringMembers());
    after.remove(Integer.valueOf(nodeId));
    if (after.isEmpty()) {
      return "node " + nodeId + " is the last node in the ring";
    }
    for (TopicInfo t : image.topics().values()) {
      if (t.replicationFactor() > after.size()) {
        return "topic '" + t.name() + "' has replication factor " + t.replicationFactor() + " but only "
            + after.size() + " nodes would remain in the ring";
      }
    }
    return null;
  }

  /** Why a partition on {@code replicas} cannot be reconfigured (no live majority), or null. */
  static String quorumProblem(String partition, List<Integer> replicas, ClusterImage image) {
    List<Integer> alive = replicas.stream().filter(n -> image.node(n).map(x -> !x.isDown()).orElse(false)).toList();
    if (alive.size() >= replicas.size() / 2 + 1) {
      return null;
    }
    return partition + " has replicas " + replicas + " of which only " + alive + " are alive, fewer than a "
        + "majority";
  }

  /** Re-places partitions if the ring's members changed, then deletes leaving nodes that hold nothing. */
  private static ClusterImage afterRingChange(ClusterImage before, ClusterImage after) {
    ClusterImage next = after.ringEpoch() != before.ringEpoch() ? RingRebalancer.rebalance(after) : after;
    return withoutDrainedNodes(next);
  }

  private static ClusterImage withoutDrainedNodes(ClusterImage image) {
    ClusterImage next = image;
    for (NodeInfo node : image.nodes().values()) {
      if (node.state() == MemberState.LEAVING && heldBy(next, node.nodeId()).isEmpty()) {
        next = next.withoutNode(node.nodeId());
      }
    }
    return next;
  }

  /** The partitions (as "topic-p") that hold or are moving a replica to {@code nodeId}. */
  static List<String> heldBy(ClusterImage image, int nodeId) {
    List<String> held = new ArrayList<>();
    for (TopicInfo t : image.topics().values()) {
      for (int p = 0; p < t.partitions(); p++) {
        if (t.assignment(p).involves(nodeId)) {
          held.add(t.name() + "-" + p);
        }
      }
    }
    return held;
  }

  private static String sample(List<String> names) {
    return names.size() <= 5 ? String.join(", ", names) : String.join(", ", names.subList(0, 5)) + ", ...";
  }

  private static Outcome unknownNode(ClusterImage image, int nodeId) {
    return Outcome.refuse(image, ErrorCode.UNKNOWN_NODE, "node " + nodeId + " is not a registered node");
  }
}
