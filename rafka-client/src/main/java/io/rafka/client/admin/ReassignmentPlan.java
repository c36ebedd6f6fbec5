package io.rafka.client.admin;

import java.util.List;

/**
 * What adding a node to, or removing one from, the hash ring moves: every partition whose replica set or
 * preferred leader changes, how much data that copies, and how the replicas spread over the nodes before and
 * after. Immutable and thread-safe.
 *
 * @param moves every partition whose replica set or preferred leader changes, by topic then partition
 * @param movedReplicas the replicas copied to a new node
 * @param movedBytes the bytes of those replicas (replicas of unknown size count 0)
 * @param leaderChanges the partitions whose preferred leader changes
 * @param replicasPerNode each node's replica count before and after
 * @param applied whether the change was made (false for a dry run)
 * @param metadataEpoch the metadata epoch the plan was computed at or, when applied, the epoch after the
 *     change
 */
public record ReassignmentPlan(List<PartitionMove> moves, int movedReplicas, long movedBytes, int leaderChanges,
    List<NodeReplicaCount> replicasPerNode, boolean applied, long metadataEpoch) {
  /** Copies the lists. */
  public ReassignmentPlan {
    moves = List.copyOf(moves);
    replicasPerNode = List.copyOf(replicasPerNode);
  }

  /**
   * A node's replica count before and after the change. Immutable and thread-safe.
   *
   * @param nodeId the node
   * @param before the replicas it holds now
   * @param after the replicas it would hold after the change
   */
  public record NodeReplicaCount(int nodeId, int before, int after) {}
}
