package io.rafka.chaos.check;

import io.rafka.chaos.history.FinalRead;
import io.rafka.chaos.history.OffsetValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link Anomaly#ORDER_DISAGREEMENT}: all readers of a partition see its values in one order. Each reader
 * process and each replica's final read is an observer with its own view of where each value is; two observers
 * disagree when one puts value x before y and the other y before x, even if no offset holds two values (which
 * {@link ConflictCheck} reports). Counts one per disagreeing pair of observers of a partition.
 */
final class OrderCheck implements AnomalyCheck {
  /** Where one observer saw two values, for the example. */
  private record Inversion(String before, long beforeOffset, String after, long afterOffset) {}

  @Override
  public void check(HistoryIndex history, AnomalyLog log) {
    observersByPartition(history).forEach((partition, observers) -> {
      List<String> names = new ArrayList<>(observers.keySet());
      for (int i = 0; i < names.size(); i++) {
        for (int j = i + 1; j < names.size(); j++) {
          Map<String, Long> first = observers.get(names.get(i));
          Map<String, Long> second = observers.get(names.get(j));
          Inversion inversion = inversion(first, second);
          if (inversion != null) {
            log.add(Anomaly.ORDER_DISAGREEMENT, "partition " + partition + ": " + names.get(i) + " saw '"
                + inversion.before() + "' (offset " + first.get(inversion.before()) + ") before '"
                + inversion.after() + "' (offset " + first.get(inversion.after()) + "), " + names.get(j) + " saw '"
                + inversion.after() + "' (offset " + inversion.afterOffset() + ") before '" + inversion.before()
                + "' (offset " + inversion.beforeOffset() + ")");
          }
        }
      }
    });
  }

  /** By partition, by observer name: the lowest offset at which the observer saw each value. */
  private static Map<Integer, Map<String, Map<String, Long>>> observersByPartition(HistoryIndex history) {
    Map<Integer, Map<String, Map<String, Long>>> observers = new TreeMap<>();
    for (Operation read : history.reads()) {
      if (read.isOk()) {
        Map<String, Long> view = observers.computeIfAbsent(read.partition(), p -> new TreeMap<>())
            .computeIfAbsent(read.invoke().process(), o -> new HashMap<>());
        read.completion().reads().forEach(record -> view.merge(record.value(), record.offset(), Math::min));
      }
    }
    for (FinalRead read : history.finalReads().all()) {
      Map<String, Long> view = observers.computeIfAbsent(read.partition(), p -> new TreeMap<>())
          .computeIfAbsent("the final read of node " + read.node(), o -> new HashMap<>());
      for (OffsetValue record : read.records()) {
        view.merge(record.value(), record.offset(), Math::min);
      }
    }
    return observers;
  }

  /**
   * Two values that {@code first} orders one way and {@code second} the other, or {@code null}. Walks the
   * values both saw in {@code first}'s order and reports the first whose offset in {@code second} is below that
   * of a value {@code first} put strictly earlier.
   */
  private static Inversion inversion(Map<String, Long> first, Map<String, Long> second) {
    List<String> common = new ArrayList<>();
    first.keySet().stream().filter(second::containsKey).forEach(common::add);
    common.sort(Comparator.comparing(first::get));
    String latestInSecond = null;
    int groupStart = 0;
    while (groupStart < common.size()) {
      long offset = first.get(common.get(groupStart));
      int groupEnd = groupStart;
      while (groupEnd < common.size() && first.get(common.get(groupEnd)) == offset) {
        String value = common.get(groupEnd);
        if (latestInSecond != null && second.get(value) < second.get(latestInSecond)) {
          return new Inversion(latestInSecond, second.get(latestInSecond), value, second.get(value));
        }
        groupEnd++;
      }
      for (int i = groupStart; i < groupEnd; i++) {
        String value = common.get(i);
        if (latestInSecond == null || second.get(value) > second.get(latestInSecond)) {
          latestInSecond = value;
        }
      }
      groupStart = groupEnd;
    }
    return null;
  }
}
