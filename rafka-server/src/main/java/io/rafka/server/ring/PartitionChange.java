package io.rafka.server.ring;

import static com.google.common.collect.ImmutableList.toImmutableList;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * Immutable and thread-safe. How one partition's replica list differs between two placements.
 *
 * @param partition the partition index
 * @param before the replicas before, preferred leader first
 * @param after the replicas after, preferred leader first
 */
public record PartitionChange(int partition, List<Integer> before, List<Integer> after) {

  /**
   * @throws IllegalArgumentException if {@code before} or {@code after} is empty
   */
  public PartitionChange {
    before = ImmutableList.copyOf(before);
    after = ImmutableList.copyOf(after);
    if (before.isEmpty() || after.isEmpty()) {
      throw new IllegalArgumentException(
          "before and after of partition " + partition + " must not be empty");
    }
  }

  /** Nodes that must receive a copy of the partition, in the order of {@link #after()}. */
  public List<Integer> added() {
    return after.stream().filter(node -> !before.contains(node)).collect(toImmutableList());
  }

  /** Nodes whose copy of the partition is no longer needed, in the order of {@link #before()}. */
  public List<Integer> removed() {
    return before.stream().filter(node -> !after.contains(node)).collect(toImmutableList());
  }

  /** Whether the preferred leader differs, which needs a leadership transfer but no data copy. */
  public boolean leaderChanged() {
    return !before.get(0).equals(after.get(0));
  }
}
