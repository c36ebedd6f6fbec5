package io.rafka.client.admin;

import java.util.List;

/**
 * The cluster as {@link RafkaAdmin#describeClusterStatus()} reports it: its nodes with their state and
 * liveness, and the partitions that need attention. Immutable and thread-safe.
 *
 * @param metadataEpoch the metadata epoch of the answer (bumped by every metadata change)
 * @param ringEpoch bumped whenever the set of nodes in the hash ring changes
 * @param answeredBy the id of the node that answered
 * @param metadataLeader the metadata group's leader, -1 when unknown
 * @param nodes every registered node, in the order the server lists them
 * @param partitionCount the number of partitions in the cluster
 * @param underReplicated partitions with fewer healthy replicas than their replication factor
 * @param leaderless partitions without a leader
 * @param moves replica moves in progress
 * @param deadTimeoutMs how long a node is silent before it counts as dead (the server's
 *     {@code node.dead.timeout})
 */
public record ClusterStatus(long metadataEpoch, long ringEpoch, int answeredBy, int metadataLeader,
    List<NodeStatus> nodes, int partitionCount, List<PartitionIssue> underReplicated,
    List<PartitionIssue> leaderless, List<PartitionMove> moves, long deadTimeoutMs) {
  /** Copies the lists. */
  public ClusterStatus {
    nodes = List.copyOf(nodes);
    underReplicated = List.copyOf(underReplicated);
    leaderless = List.copyOf(leaderless);
    moves = List.copyOf(moves);
  }
}
