package io.rafka.chaos.check;

import io.rafka.chaos.history.EventType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Anomaly#FAILED_WRITE_VISIBLE}: a write the client was told certainly failed must never be read. (An
 * indeterminate write, {@code info}, may be.) Counts one per such value.
 */
final class FailedWriteCheck implements AnomalyCheck {
  @Override
  public void check(HistoryIndex history, AnomalyLog log) {
    Map<String, Operation> failed = new HashMap<>();
    for (Operation produce : history.produces()) {
      if (produce.outcome() == EventType.FAIL) {
        failed.put(produce.invoke().value(), produce);
      }
    }
    List<Observation> observations = new ArrayList<>(history.readObservations());
    observations.addAll(history.finalObservations());
    Map<String, Observation> visible = new LinkedHashMap<>();
    for (Observation seen : observations) {
      if (failed.containsKey(seen.value())) {
        visible.putIfAbsent(seen.value(), seen);
      }
    }
    visible.forEach((value, seen) -> {
      Operation produce = failed.get(value);
      log.add(Anomaly.FAILED_WRITE_VISIBLE, "'" + value + "' failed for " + produce.describe() + " ("
          + produce.completion().error() + ") but is at " + Location.of(seen) + " (" + seen.source() + ")");
    });
  }
}
