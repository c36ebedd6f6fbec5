package io.rafka.chaos.check;

import io.rafka.chaos.history.EventType;
import io.rafka.chaos.history.HistoryEvent;
import io.rafka.chaos.history.OperationKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How many events of each f and type a history holds: the first sanity check of a run (did it do anything;
 * how many writes were indeterminate). Immutable.
 */
public final class OperationCounts {
  private final Map<OperationKind, Map<EventType, Long>> counts = new EnumMap<>(OperationKind.class);

  OperationCounts(List<HistoryEvent> history) {
    for (OperationKind kind : OperationKind.values()) {
      Map<EventType, Long> byType = new EnumMap<>(EventType.class);
      for (EventType type : EventType.values()) {
        byType.put(type, 0L);
      }
      counts.put(kind, byType);
    }
    for (HistoryEvent event : history) {
      counts.get(event.f()).merge(event.type(), 1L, Long::sum);
    }
  }

  /** The number of events with this {@code f} and {@code type}. */
  public long count(OperationKind f, EventType type) {
    return counts.get(f).get(type);
  }
}
