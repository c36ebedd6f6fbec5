package io.rafka.server.partition;

/** Told when this node's replica of a partition became a leader that can take writes. */
@FunctionalInterface
public interface LeadershipListener {
  void onLeaderReady(PartitionId partition, long term);
}
