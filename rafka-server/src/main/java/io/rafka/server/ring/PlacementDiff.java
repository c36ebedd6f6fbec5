package io.rafka.server.ring;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;

/**
 * Immutable and thread-safe. The partitions whose replica lists differ between two placements of
 * the same topic, such as before and after a node joins, for planning the replica moves.
 */
public final class PlacementDiff {

  private final ImmutableList<PartitionChange> changes;

  private PlacementDiff(ImmutableList<PartitionChange> changes) {
    this.changes = changes;
  }

  /**
   * Compares two results of {@link Placement#assign} partition by partition. A reordering of the
   * same replicas counts as a change, since it changes leader preference.
   *
   * @throws IllegalArgumentException if the two do not have the same number of partitions or a
   *     changed partition has no replicas on one side
   */
  public static PlacementDiff between(List<List<Integer>> before, List<List<Integer>> after) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    if (before.size() != after.size()) {
      throw new IllegalArgumentException(
          "before and after must have the same partition count, got " + before.size() + " and "
              + after.size());
    }
    ImmutableList.Builder<PartitionChange> changes = ImmutableList.builder();
    for (int p = 0; p < before.size(); p++) {
      if (!before.get(p).equals(after.get(p))) {
        changes.add(new PartitionChange(p, before.get(p), after.get(p)));
      }
    }
    return new PlacementDiff(changes.build());
  }

  /** The changed partitions in ascending partition order; unchanged partitions are left out. */
  public List<PartitionChange> changes() {
    return changes;
  }

  /** How many replicas must be copied to a new node, the cost of applying the change. */
  public int movedReplicas() {
    return changes.stream().mapToInt(change -> change.added().size()).sum();
  }

  /** How many partitions change preferred leader. */
  public int leaderChanges() {
    return (int) changes.stream().filter(PartitionChange::leaderChanged).count();
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }
}
