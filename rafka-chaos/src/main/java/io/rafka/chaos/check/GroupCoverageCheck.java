package io.rafka.chaos.check;

import io.rafka.chaos.history.FinalRead;
import io.rafka.chaos.history.OffsetValue;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@link Anomaly#GROUP_SKIP}: a consumer group delivers every record below its committed offset (the next
 * record to read) to some member, across rebalances. For each group and partition, the offsets its members read
 * must cover the partition's log from its first offset (the lowest in the final reads, else 0) up to the
 * highest committed offset. Counts one per offset no member read.
 */
final class GroupCoverageCheck implements AnomalyCheck {
  /** One group's view of one partition. */
  private record GroupPartition(String group, int partition) implements Comparable<GroupPartition> {
    @Override
    public int compareTo(GroupPartition other) {
      int byGroup = group.compareTo(other.group);
      return byGroup != 0 ? byGroup : Integer.compare(partition, other.partition);
    }
  }

  @Override
  public void check(HistoryIndex history, AnomalyLog log) {
    Map<GroupPartition, Long> committed = new TreeMap<>();
    for (Operation commit : history.commits()) {
      if (commit.isOk()) {
        committed.merge(new GroupPartition(commit.group(), commit.partition()), commit.offset(), Math::max);
      }
    }
    Map<GroupPartition, TreeSet<Long>> read = new TreeMap<>();
    for (Operation groupRead : history.reads()) {
      if (groupRead.isOk() && groupRead.group() != null) {
        TreeSet<Long> offsets = read.computeIfAbsent(new GroupPartition(groupRead.group(), groupRead.partition()),
            k -> new TreeSet<>());
        groupRead.completion().reads().forEach(record -> offsets.add(record.offset()));
      }
    }
    committed.forEach((groupPartition, end) -> reportGaps(groupPartition, logStart(history, groupPartition.partition()),
        end, read.getOrDefault(groupPartition, new TreeSet<>()), log));
  }

  /** Logs each run of offsets in {@code [start, end)} missing from {@code read}. */
  private static void reportGaps(GroupPartition where, long start, long end, TreeSet<Long> read, AnomalyLog log) {
    long next = start;
    for (long offset : read.subSet(start, end)) {
      if (offset > next) {
        reportGap(where, next, offset, end, log);
      }
      next = offset + 1;
    }
    if (next < end) {
      reportGap(where, next, end, end, log);
    }
  }

  private static void reportGap(GroupPartition where, long from, long to, long committed, AnomalyLog log) {
    String offsets = to - from == 1 ? "offset " + from : "offsets " + from + ".." + (to - 1);
    log.add(Anomaly.GROUP_SKIP, to - from, "group " + where.group() + " partition " + where.partition() + ": "
        + offsets + " read by no member, though it committed " + committed);
  }

  private static long logStart(HistoryIndex history, int partition) {
    return history.finalReads().ofPartition(partition).stream()
        .map(FinalRead::records)
        .filter(records -> !records.isEmpty())
        .mapToLong(records -> records.stream().mapToLong(OffsetValue::offset).min().orElseThrow())
        .min()
        .orElse(0);
  }
}
