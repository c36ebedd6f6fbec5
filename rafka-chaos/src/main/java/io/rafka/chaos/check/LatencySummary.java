package io.rafka.chaos.check;

import java.util.Arrays;

/**
 * Percentiles of a set of latencies in milliseconds, by nearest rank on the sorted values: exact, and plenty
 * fast for the thousands of writes of a chaos run. All zero when there are none. Immutable.
 */
public record LatencySummary(int count, long p50Millis, long p99Millis, long maxMillis) {
  static LatencySummary of(long[] latenciesMillis) {
    long[] sorted = latenciesMillis.clone();
    Arrays.sort(sorted);
    return new LatencySummary(sorted.length, nearestRank(sorted, 50), nearestRank(sorted, 99),
        sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
  }

  /** The smallest value with at least {@code percent} of the values at or below it; 0 if there are none. */
  static long nearestRank(long[] sorted, double percent) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(percent / 100 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }
}
