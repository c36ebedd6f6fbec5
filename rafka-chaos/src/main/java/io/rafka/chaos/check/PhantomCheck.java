package io.rafka.chaos.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Anomaly#PHANTOM}: everything read was sent by some producer, whatever became of its write; a value
 * nobody sent means corrupted or invented data. Counts one per phantom value.
 */
final class PhantomCheck implements AnomalyCheck {
  @Override
  public void check(HistoryIndex history, AnomalyLog log) {
    List<Observation> observations = new ArrayList<>(history.readObservations());
    observations.addAll(history.finalObservations());
    Map<String, Observation> phantoms = new LinkedHashMap<>();
    for (Observation seen : observations) {
      if (!history.wasInvoked(seen.value())) {
        phantoms.putIfAbsent(seen.value(), seen);
      }
    }
    phantoms.forEach((value, seen) -> log.add(Anomaly.PHANTOM, "'" + value + "' at " + Location.of(seen) + " ("
        + seen.source() + ") was never sent"));
  }
}
