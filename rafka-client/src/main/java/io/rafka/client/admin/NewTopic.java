package io.rafka.client.admin;

import java.util.Map;
import java.util.OptionalInt;

/**
 * A topic to create. An empty {@code partitions} or {@code replicationFactor} takes the cluster's default.
 * Immutable.
 */
public record NewTopic(String name, OptionalInt partitions, OptionalInt replicationFactor,
    Map<String, String> configs) {
  public NewTopic {
    configs = Map.copyOf(configs);
  }

  public NewTopic(String name, int partitions, int replicationFactor) {
    this(name, OptionalInt.of(partitions), OptionalInt.of(replicationFactor), Map.of());
  }

  public NewTopic(String name, int partitions, int replicationFactor, Map<String, String> configs) {
    this(name, OptionalInt.of(partitions), OptionalInt.of(replicationFactor), configs);
  }

  /** A topic with the cluster's default partition count and replication factor. */
  public static NewTopic withDefaults(String name) {
    return new NewTopic(name, OptionalInt.empty(), OptionalInt.empty(), Map.of());
  }
}
