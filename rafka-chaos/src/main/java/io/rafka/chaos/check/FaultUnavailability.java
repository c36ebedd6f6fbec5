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

  /**
   * The unavailability of every fault of {@code history}, in the order the faults started: per partition, the
   * time from the fault's start to the first acknowledgement of a write invoked after it started. Writes
   * already in flight do not count: their acknowledgements say nothing about whether the partition still takes
   * writes.
   */
  static List<FaultUnavailability> of(HistoryIndex history) {
    Map<Integer, TreeMap<Long, Long>> firstAckByInvoke = new TreeMap<>();
    for (int partition : history.writtenPartitions()) {
      firstAckByInvoke.put(partition, new TreeMap<>());
    }
    for (Operation produce : history.produces()) {
      if (produce.isOk()) {
        firstAckByInvoke.get(produce.partition()).merge(produce.invoke().time(), produce.completionTime(), Math::min);
      }
    }
    // Suffix minima: for each invoke time, the earliest acknowledgement of any write invoked then or later.
    Map<Integer, TreeMap<Long, Long>> earliestAckFrom = new TreeMap<>();
    firstAckByInvoke.forEach((partition, acks) -> {
      TreeMap<Long, Long> suffix = new TreeMap<>();
      long min = Long.MAX_VALUE;
      for (Map.Entry<Long, Long> e : acks.descendingMap().entrySet()) {
        min = Math.min(min, e.getValue());
        suffix.put(e.getKey(), min);
      }
      earliestAckFrom.put(partition, suffix);
    });
    List<FaultUnavailability> unavailability = new ArrayList<>();
    for (FaultWindow fault : history.faults()) {
      SortedMap<Integer, Long> millis = new TreeMap<>();
      SortedSet<Integer> neverWritten = new TreeSet<>();
      earliestAckFrom.forEach((partition, suffix) -> {
        Map.Entry<Long, Long> first = suffix.ceilingEntry(fault.start());
        if (first == null) {
          neverWritten.add(partition);
        }
        millis.put(partition, (first == null ? history.endTime() : first.getValue()) - fault.start());
      });
      long[] values = millis.values().stream().mapToLong(Long::longValue).toArray();
      LatencySummary summary = LatencySummary.of(values);
      unavailability.add(new FaultUnavailability(fault, millis, neverWritten, summary.p50Millis(),
          summary.maxMillis()));
    }
    return unavailability;
  }
}
