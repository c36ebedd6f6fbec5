package io.rafka.common;

import java.util.List;

/** A partition, its leader (-1 if unknown) and its replicas, preferred leader first. Immutable. */
public record PartitionMetadata(String topic, int partition, int leader, List<Integer> replicas) {
  public PartitionMetadata {
    replicas = List.copyOf(replicas);
  }
}
