package io.rafka.client.admin;

import java.util.Map;

/**
 * A topic to create. {@code partitions} or {@code replicationFactor} 0 takes the cluster's default.
 * Immutable.
 */
public record NewTopic(String name, int partitions, int replicationFactor, Map<String, String> configs) {
  public NewTopic {
    configs = Map.copyOf(configs);
  }

  public NewTopic(String name, int partitions, int replicationFactor) {
    this(name, partitions, replicationFactor, Map.of());
  }
}
