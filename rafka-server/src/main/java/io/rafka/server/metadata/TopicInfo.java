package io.rafka.server.metadata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A topic as the metadata group knows it. {@code topicId} is unique per incarnation: a topic deleted and
 * created again under the same name gets a new id, and so new Raft groups, so that a node that missed the
 * delete can never mix the old partitions' data into the new ones. {@code assignments} holds each partition's
 * replica set (preferred leader first) and the set it is moving to. Immutable.
 */
public record TopicInfo(String name, String topicId, int partitions, int replicationFactor,
    Map<String, String> configs, long createdAtMs, List<PartitionAssignment> assignments,
    Map<Integer, LeaderInfo> leaders) {

  public TopicInfo {
    configs = Map.copyOf(configs);
    assignments = List.copyOf(assignments);
    leaders = Map.copyOf(leaders);
    if (assignments.size() != partitions) {
      throw new IllegalArgumentException("topic " + name + " has " + partitions + " partitions but "
          + assignments.size() + " replica sets");
    }
  }

  /** This topic with a partition's reported leader replaced. */
  public TopicInfo withLeader(int partition, LeaderInfo leader) {
    Map<Integer, LeaderInfo> next = new HashMap<>(leaders);
    next.put(partition, leader);
    return new TopicInfo(name, topicId, partitions, replicationFactor, configs, createdAtMs, assignments, next);
  }

  /** This topic with one partition's assignment replaced. */
  public TopicInfo withAssignment(int partition, PartitionAssignment assignment) {
    List<PartitionAssignment> next = new ArrayList<>(assignments);
    next.set(partition, assignment);
    return new TopicInfo(name, topicId, partitions, replicationFactor, configs, createdAtMs, next, leaders);
  }

  public PartitionAssignment assignment(int partition) {
    return assignments.get(partition);
  }

  /** The partition's current replica set, preferred leader first. */
  public List<Integer> replicasOf(int partition) {
    return assignments.get(partition).replicas();
  }

  /** True for topics Rafka creates for itself (names starting with "__"). */
  public boolean internal() {
    return name.startsWith("__");
  }
}
