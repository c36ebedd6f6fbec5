package io.rafka.chaos.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rafka.chaos.history.FinalRead;
import io.rafka.chaos.history.FinalReads;
import io.rafka.chaos.history.HistoryEvent;
import io.rafka.chaos.history.OffsetValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Building blocks of hand-made histories, and the assertion that a check found exactly what it should. */
final class Histories {
  private Histories() {}

  /**
   * Writes of {@code values} to {@code partition}, one after the other, acknowledged at offsets from
   * {@code firstOffset}: the i-th is invoked at {@code start + 10 i} and acknowledged 5 ms later.
   */
  static List<HistoryEvent> writes(long start, String process, int partition, long firstOffset, String... values) {
    List<HistoryEvent> events = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      events.add(HistoryEvent.produce(start + 10L * i, process, partition, values[i]));
      events.add(HistoryEvent.produceOk(start + 10L * i + 5, process, partition, values[i], firstOffset + i));
    }
    return events;
  }

  /** {@code values} at consecutive offsets from {@code firstOffset}. */
  static List<OffsetValue> records(long firstOffset, String... values) {
    List<OffsetValue> records = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      records.add(new OffsetValue(firstOffset + i, values[i]));
    }
    return records;
  }

  /**
   * A read invoked at {@code time} from {@code from} ({@link HistoryEvent#NONE} to continue) that node 1
   * answers 5 ms later with {@code records}.
   */
  static List<HistoryEvent> read(long time, String process, int partition, long from, List<OffsetValue> records) {
    return List.of(HistoryEvent.read(time, process, partition, from),
        HistoryEvent.readOk(time + 5, process, partition, 1, records));
  }

  /** The same read made by {@code member} of {@code group}. */
  static List<HistoryEvent> groupRead(long time, String group, String member, int partition, long from,
      List<OffsetValue> records) {
    return read(time, member, partition, from, records).stream().map(e -> e.inGroup(group, member)).toList();
  }

  /** A commit of {@code offset} invoked at {@code time} and acknowledged 5 ms later. */
  static List<HistoryEvent> commit(long time, String group, String member, int partition, long offset) {
    return List.of(HistoryEvent.commit(time, member, group, member, partition, offset),
        HistoryEvent.commitOk(time + 5, member, group, member, partition, offset));
  }

  /** The final read of one replica holding {@code values} from offset 0. */
  static FinalRead replica(int partition, int node, String... values) {
    return new FinalRead(partition, node, records(0, values));
  }

  /** Nodes 1, 2 and 3 all holding {@code values} of {@code partition} from offset 0. */
  static List<FinalRead> threeReplicas(int partition, String... values) {
    return List.of(replica(partition, 1, values), replica(partition, 2, values), replica(partition, 3, values));
  }

  /** {@code threeReplicas} as the whole of a run's final reads. */
  static FinalReads finalReads(int partition, String... values) {
    return new FinalReads(threeReplicas(partition, values));
  }

  /** All {@code parts} in order. */
  @SafeVarargs
  static List<HistoryEvent> history(List<HistoryEvent>... parts) {
    List<HistoryEvent> events = new ArrayList<>();
    for (List<HistoryEvent> part : parts) {
      events.addAll(part);
    }
    return events;
  }

  /** Asserts that {@code result} counts exactly {@code expected} and nothing else. */
  static void assertCounts(Map<Anomaly, Long> expected, CheckResult result) {
    for (Anomaly anomaly : Anomaly.values()) {
      assertEquals(expected.getOrDefault(anomaly, 0L), result.count(anomaly),
          () -> anomaly + " count, in:\n" + result.summary());
    }
  }
}
