package io.rafka.server.metadata;

import java.util.List;

/**
 * Where one partition's replicas are: {@code replicas}, the set its Raft group was last reconfigured to,
 * preferred leader first; {@code target}, the set it is moving to (empty when it is not moving); and whether
 * the set is an operator's {@code override} of the ring. Immutable.
 */
public record PartitionAssignment(List<Integer> replicas, List<Integer> target, boolean override) {

  public PartitionAssignment {
    replicas = List.copyOf(replicas);
    target = List.copyOf(target);
    if (replicas.isEmpty()) {
      throw new IllegalArgumentException("a partition needs at least one replica");
    }
  }

  /** A partition at rest on {@code replicas}. */
  public static PartitionAssignment of(List<Integer> replicas) {
    return new PartitionAssignment(replicas, List.of(), false);
  }

  public boolean moving() {
    return !target.isEmpty();
  }

  /** Whether {@code nodeId} holds, or is about to receive, a replica. */
  public boolean involves(int nodeId) {
    return replicas.contains(nodeId) || target.contains(nodeId);
  }

  /**
   * Moving to {@code next}. A partition at rest whose replicas already are {@code next} stays at rest; one in
   * the middle of a move keeps a target even if it equals its replicas, because its Raft configuration may
   * already have left them and must be brought back by its leader.
   */
  PartitionAssignment retarget(List<Integer> next, boolean overrideNext) {
    if (!moving() && next.equals(replicas)) {
      return new PartitionAssignment(replicas, List.of(), overrideNext);
    }
    return new PartitionAssignment(replicas, next, overrideNext);
  }

  /** The move finished: the target is the replica set. */
  PartitionAssignment completed() {
    return new PartitionAssignment(target, List.of(), override);
  }
}
