package io.rafka.chaos.check;

import io.rafka.chaos.history.FinalRead;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * What the harness knows about a run that the history does not say, for the head of the summary. Immutable.
 *
 * @param seed the seed of the run's random choices, empty if unknown
 * @param nodes how many nodes the cluster had
 * @param partitions how many partitions were written
 * @param durationMillis how long the run took
 */
public record RunInfo(OptionalLong seed, int nodes, int partitions, long durationMillis) {
  /** A run with this {@code seed}. */
  public static RunInfo of(long seed, int nodes, int partitions, long durationMillis) {
    return new RunInfo(OptionalLong.of(seed), nodes, partitions, durationMillis);
  }

  /** What the history tells: the nodes and partitions in it, its last event's time, no seed. */
  static RunInfo observed(HistoryIndex history) {
    TreeSet<Integer> partitions = new TreeSet<>(history.writtenPartitions());
    partitions.addAll(history.finalReads().partitions());
    long nodes = history.finalReads().all().stream().mapToInt(FinalRead::node).distinct().count();
    return new RunInfo(OptionalLong.empty(), (int) nodes, partitions.size(), history.endTime());
  }
}
