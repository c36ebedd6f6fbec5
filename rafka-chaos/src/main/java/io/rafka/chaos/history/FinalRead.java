package io.rafka.chaos.history;

import java.util.List;
import java.util.Objects;

/**
 * Everything one replica holds of one partition, read once the faults are healed and the cluster has settled:
 * the ground truth the history is checked against. Immutable.
 *
 * @param partition the partition
 * @param node the replica's node
 * @param records the replica's whole log in offset order
 */
public record FinalRead(int partition, int node, List<OffsetValue> records) {
  public FinalRead {
    if (partition < 0) {
      throw new IllegalArgumentException("partition must be >= 0, got " + partition);
    }
    if (node < 0) {
      throw new IllegalArgumentException("node must be >= 0, got " + node);
    }
    records = List.copyOf(Objects.requireNonNull(records, "records"));
  }
}
