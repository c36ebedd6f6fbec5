package io.rafka.chaos.check;

import io.rafka.chaos.history.HistoryEvent;
import io.rafka.chaos.history.OffsetValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Anomaly#OFFSET_REGRESSION}: a reader reads a partition as a gapless run of offsets. Each process's
 * reads of one partition form a session: a read invoked with an offset seeks there, one invoked without
 * continues where the session's last read ended. A read that returns records must start exactly there (a
 * lower offset goes back, a higher one skips) and be gapless itself; a read that returns nothing moves
 * nothing. A session's first read, unless it seeks, may start anywhere. Counts one per offending read.
 */
final class ReadSessionCheck implements AnomalyCheck {
  /** One process reading one partition. */
  private record Session(String process, int partition) {}

  @Override
  public void check(HistoryIndex history, AnomalyLog log) {
    Map<Session, Long> positions = new HashMap<>();
    for (Operation read : history.reads()) {
      Session session = new Session(read.invoke().process(), read.partition());
      long requested = read.invoke().offset();
      Long expected = requested != HistoryEvent.NONE ? Long.valueOf(requested) : positions.get(session);
      List<OffsetValue> records = read.isOk() ? read.completion().reads() : List.of();
      if (records.isEmpty()) {
        if (expected != null) {
          positions.put(session, expected);
        }
        continue;
      }
      String problem = problem(expected, records);
      if (problem != null) {
        log.add(Anomaly.OFFSET_REGRESSION, read.describe() + " of partition " + read.partition() + " " + problem);
      }
      positions.put(session, records.get(records.size() - 1).offset() + 1);
    }
  }

  /** What is wrong with a read that returned {@code records} where {@code expected} was due; null if nothing. */
  private static String problem(Long expected, List<OffsetValue> records) {
    long first = records.get(0).offset();
    if (expected != null && first < expected) {
      return "went back to offset " + first + " from offset " + expected;
    }
    if (expected != null && first > expected) {
      return "skipped from offset " + expected + " to offset " + first;
    }
    for (int i = 1; i < records.size(); i++) {
      long previous = records.get(i - 1).offset();
      if (records.get(i).offset() != previous + 1) {
        return "returned offset " + records.get(i).offset() + " right after offset " + previous;
      }
    }
    return null;
  }
}
