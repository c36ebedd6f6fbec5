package io.rafka.chaos.history;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The final reads of a run: one per partition and replica. Immutable and thread-safe.
 *
 * @param all every final read, sorted by partition and node; one per partition and node
 */
public record FinalReads(List<FinalRead> all) {
  private static final Comparator<FinalRead> BY_PARTITION_AND_NODE =
      Comparator.comparingInt(FinalRead::partition).thenComparingInt(FinalRead::node);

  public FinalReads {
    all = Objects.requireNonNull(all, "all").stream().sorted(BY_PARTITION_AND_NODE).toList();
    for (int i = 1; i < all.size(); i++) {
      if (BY_PARTITION_AND_NODE.compare(all.get(i - 1), all.get(i)) == 0) {
        throw new IllegalArgumentException("two final reads of partition " + all.get(i).partition()
            + " from node " + all.get(i).node());
      }
    }
  }

  /** The final reads in {@code reads}. */
  public static FinalReads of(FinalRead... reads) {
    return new FinalReads(List.of(reads));
  }

  /** The partitions that have final reads, ascending. */
  public SortedSet<Integer> partitions() {
    return all.stream().map(FinalRead::partition).collect(Collectors.toCollection(TreeSet::new));
  }

  /** The final reads of {@code partition}, by node; empty if none. */
  public List<FinalRead> ofPartition(int partition) {
    return all.stream().filter(read -> read.partition() == partition).toList();
  }
}
