package io.rafka.server.metadata;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A topic as the metadata group knows it. {@code topicId} is unique per incarnation: a topic deleted and
 * created again under the same name gets a new id, and so new Raft groups, so that a node that missed the
 * delete can never mix the old partitions' data into the new ones. {@code replicas} holds each partition's
 * current replica set, preferred leader first. Immutable.
 */
public record TopicInfo(String name, String topicId, int partitions, int replicationFactor,
    Map<String, String> configs, long createdAtMs, List<List<Integer>> replicas,
    Map<Integer, LeaderInfo> leaders) {

  public TopicInfo {
    configs = Map.copyOf(configs);
    replicas = replicas.stream().map(List::copyOf).toList();
    leaders = Map.copyOf(leaders);
    if (replicas.size() != partitions) {
      throw new IllegalArgumentException("topic " + name + " has " + partitions + " partitions but "
          + replicas.size() + " replica sets");
    }
  }

  /** This topic with a partition's reported leader replaced. */
  public TopicInfo withLeader(int partition, LeaderInfo leader) {
    Map<Integer, LeaderInfo> next = new HashMap<>(leaders);
    next.put(partition, leader);
    return new TopicInfo(name, topicId, partitions, replicationFactor, configs, createdAtMs, replicas, next);
  }

  public List<Integer> replicasOf(int partition) {
    return replicas.get(partition);
  }

  /** True for topics Rafka creates for itself (names starting with "__"). */
  public boolean internal() {
    return name.startsWith("__");
  }
}
