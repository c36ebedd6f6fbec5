package io.rafka.chaos.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How long one fault kept the written partitions from taking writes: per partition, the time from the fault's
 * start to the first write acknowledged on it since then (to the end of the history if none was), with the
 * median and maximum over partitions. Immutable.
 *
 * @param fault the fault
 * @param millisByPartition the unavailability of each written partition
 * @param neverWritten the partitions that acknowledged no write after the fault started
 * @param p50Millis the median over partitions, by nearest rank
 * @param maxMillis the maximum over partitions
 */
public record FaultUnavailability(FaultWindow fault, SortedMap<Integer, Long> millisByPartition,
    SortedSet<Integer> neverWritten, long p50Millis, long maxMillis) {

  public FaultUnavailability {
    millisByPartition = Collections.unmodifiableSortedMap(new TreeMap<>(millisByPartition));
    neverWritten = Collections.unmodifiableSortedSet(new TreeSet<>(neverWritten));
  }

  /** The unavailability of every fault of {@code history}, in the order the faults started. */
  static List<FaultUnavailability> of(HistoryIndex history) {
    Map<Integer, TreeSet<Long>> ackTimes = new TreeMap<>();
    for (int partition : history.writtenPartitions()) {
      ackTimes.put(partition, new TreeSet<>());
    }
    for (Operation produce : history.produces()) {
      if (produce.isOk()) {
        ackTimes.get(produce.partition()).add(produce.completionTime());
      }
    }
    List<FaultUnavailability> unavailability = new ArrayList<>();
    for (FaultWindow fault : history.faults()) {
      SortedMap<Integer, Long> millis = new TreeMap<>();
      SortedSet<Integer> neverWritten = new TreeSet<>();
      ackTimes.forEach((partition, times) -> {
        Long firstAck = times.ceiling(fault.start());
        if (firstAck == null) {
          neverWritten.add(partition);
        }
        millis.put(partition, (firstAck == null ? history.endTime() : firstAck) - fault.start());
      });
      long[] values = millis.values().stream().mapToLong(Long::longValue).toArray();
      LatencySummary summary = LatencySummary.of(values);
      unavailability.add(new FaultUnavailability(fault, millis, neverWritten, summary.p50Millis(),
          summary.maxMillis()));
    }
    return unavailability;
  }
}
