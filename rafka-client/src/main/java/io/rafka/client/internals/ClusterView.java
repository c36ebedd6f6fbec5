package io.rafka.client.internals;

import io.rafka.proto.ErrorCode;
import io.rafka.proto.MetadataResponse;
import io.rafka.proto.NodeInfo;
import io.rafka.proto.PartitionMetadata;
import io.rafka.proto.TopicMetadata;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One metadata answer, indexed: node addresses, topics, partition leaders. Immutable and thread-safe. */
public final class ClusterView {
  public static final ClusterView EMPTY = new ClusterView(-1, Map.of(), Map.of());

  private final long epoch;
  private final Map<Integer, String> addresses;
  private final Map<String, TopicMetadata> topics;

  private ClusterView(long epoch, Map<Integer, String> addresses, Map<String, TopicMetadata> topics) {
    this.epoch = epoch;
    this.addresses = addresses;
    this.topics = topics;
  }

  public static ClusterView of(MetadataResponse response) {
    Map<Integer, String> addresses = new HashMap<>();
    for (NodeInfo n : response.getNodesList()) {
      addresses.put(n.getNodeId(), n.getClientAddress());
    }
    Map<String, TopicMetadata> topics = new HashMap<>();
    for (TopicMetadata t : response.getTopicsList()) {
      if (t.getError().getCode() == ErrorCode.NONE) {
        topics.put(t.getName(), t);
      }
    }
    return new ClusterView(response.getMetadataEpoch(), Collections.unmodifiableMap(addresses),
        Collections.unmodifiableMap(topics));
  }

  public long epoch() {
    return epoch;
  }

  public Map<Integer, String> addresses() {
    return addresses;
  }

  public Optional<String> address(int nodeId) {
    return Optional.ofNullable(addresses.get(nodeId));
  }

  public Optional<TopicMetadata> topic(String name) {
    return Optional.ofNullable(topics.get(name));
  }

  public Map<String, TopicMetadata> topics() {
    return topics;
  }

  /** The partition's metadata, if the topic and partition are known. */
  public Optional<PartitionMetadata> partition(String topic, int partition) {
    TopicMetadata t = topics.get(topic);
    if (t == null || partition < 0 || partition >= t.getPartitionsCount()) {
      return Optional.empty();
    }
    return Optional.of(t.getPartitions(partition));
  }

  /** The leader's node id, or -1. */
  public int leader(String topic, int partition) {
    return partition(topic, partition).map(PartitionMetadata::getLeader).orElse(-1);
  }

  public List<Integer> replicas(String topic, int partition) {
    return partition(topic, partition).map(PartitionMetadata::getReplicasList).orElse(List.of());
  }
}
