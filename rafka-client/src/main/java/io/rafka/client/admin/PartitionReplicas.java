package io.rafka.client.admin;

import java.util.List;

/**
 * A partition's replica set and leader after a replica change. Immutable and thread-safe.
 *
 * @param replicas the replica set, preferred leader first
 * @param leader the leader's node id, -1 when none is known
 */
public record PartitionReplicas(List<Integer> replicas, int leader) {
  /** Copies the replica list. */
  public PartitionReplicas {
    replicas = List.copyOf(replicas);
  }
}
