package io.rafka.chaos.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link Anomaly#DUPLICATE}: every value is written once, so it must sit at one offset in every read, final
 * read and acknowledgement. An indeterminate write may be in the log or not, but not twice. Counts one per
 * duplicated value.
 */
final class DuplicateCheck implements AnomalyCheck {
  @Override
  public void check(HistoryIndex history, AnomalyLog log) {
    List<Observation> observations = new ArrayList<>(history.ackObservations());
    observations.addAll(history.readObservations());
    observations.addAll(history.finalObservations());
    Map<String, TreeMap<Location, String>> locationsByValue = new LinkedHashMap<>();
    for (Observation seen : observations) {
      locationsByValue.computeIfAbsent(seen.value(), v -> new TreeMap<>()).putIfAbsent(Location.of(seen), seen.source());
    }
    locationsByValue.forEach((value, locations) -> {
      if (locations.size() > 1) {
        Map.Entry<Location, String> first = locations.firstEntry();
        Map.Entry<Location, String> second = locations.higherEntry(first.getKey());
        log.add(Anomaly.DUPLICATE, "'" + value + "' is at " + locations.size() + " offsets: " + first.getKey()
            + " (" + first.getValue() + ") and " + second.getKey() + " (" + second.getValue() + ")");
      }
    });
  }
}
