package io.rafka.client.admin;

import java.util.List;
import java.util.Map;

/** A topic's partitions and settings. Immutable. */
public record TopicDescription(String name, String topicId, int replicationFactor, List<PartitionInfo> partitions,
    Map<String, String> configs) {
  public TopicDescription {
    partitions = List.copyOf(partitions);
    configs = Map.copyOf(configs);
  }
}
