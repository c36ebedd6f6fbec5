package io.rafka.client.admin;

import java.util.List;

/**
 * What a node decommission or removal started: the metadata epoch that records it and the replica moves it
 * set off. Immutable and thread-safe.
 *
 * @param metadataEpoch the metadata epoch after the change
 * @param moves the moves the change started (none when the node held no replicas)
 */
public record MembershipChange(long metadataEpoch, List<PartitionMove> moves) {
  /** Copies the moves. */
  public MembershipChange {
    moves = List.copyOf(moves);
  }
}
