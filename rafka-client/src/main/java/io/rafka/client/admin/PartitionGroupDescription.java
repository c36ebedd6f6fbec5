package io.rafka.client.admin;

import io.rafka.common.TopicPartition;
import java.util.List;

/**
 * A partition's Raft group as {@link RafkaAdmin#describePartitionGroup} reports it: the replica set metadata
 * records, the group's own configuration, its leader and term, and each replica's progress. Immutable and
 * thread-safe.
 *
 * @param topic the topic
 * @param partition the partition index
 * @param groupId the Raft group's id
 * @param leader the leader's node id, -1 when none is known
 * @param term the leader's term
 * @param replicas the replica set recorded in metadata, preferred leader first
 * @param targetReplicas the replica set it is moving to; empty when it is not moving
 * @param override whether the replica set is an operator's explicit override of the hash ring
 * @param configurationVoters the voters in the group's Raft configuration, as its leader (or any replica)
 *     reports it
 * @param configurationStable false while the group is between two configurations (a joint configuration)
 * @param replicaStatuses one entry per node in the configuration or the replica sets
 */
public record PartitionGroupDescription(String topic, int partition, String groupId, int leader, long term,
    List<Integer> replicas, List<Integer> targetReplicas, boolean override, List<Integer> configurationVoters,
    boolean configurationStable, List<ReplicaStatus> replicaStatuses) {
  /** Copies the lists. */
  public PartitionGroupDescription {
    replicas = List.copyOf(replicas);
    targetReplicas = List.copyOf(targetReplicas);
    configurationVoters = List.copyOf(configurationVoters);
    replicaStatuses = List.copyOf(replicaStatuses);
  }

  /** The topic and partition as one value. */
  public TopicPartition topicPartition() {
    return new TopicPartition(topic, partition);
  }

  /** Whether the partition is moving to another replica set. */
  public boolean moving() {
    return !targetReplicas.isEmpty();
  }

  /**
   * One replica of a partition's Raft group as the node hosting it reports it. Immutable and thread-safe.
   *
   * @param nodeId the node
   * @param role LEADER, FOLLOWER, LISTENER or CANDIDATE; UNREACHABLE or NOT_HOSTED when the node could not
   *     tell
   * @param priority its leader priority in the group's configuration (the highest is preferred); -1 when it
   *     is not in it
   * @param term the term it is in
   * @param commitIndex its commit index
   * @param appliedIndex the last index its state machine applied
   * @param lastIndex its last log index
   * @param snapshotIndex the index of its latest snapshot
   * @param lag how many entries it is behind the leader's last entry; -1 when unknown
   * @param error what went wrong asking it; empty when nothing did
   */
  public record ReplicaStatus(int nodeId, String role, int priority, long term, long commitIndex,
      long appliedIndex, long lastIndex, long snapshotIndex, long lag, String error) {}
}
