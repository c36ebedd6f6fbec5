package io.rafka.client.admin;

import java.util.List;

/**
 * One partition: its leader (-1 if none is known), its replicas in ring order (the first is the preferred
 * leader), and its offsets as the answering node knows them (-1 when it hosts no replica). Immutable.
 */
public record PartitionInfo(int partition, int leader, List<Integer> replicas, long logStartOffset,
    long highWatermark) {
  public PartitionInfo {
    replicas = List.copyOf(replicas);
  }
}
