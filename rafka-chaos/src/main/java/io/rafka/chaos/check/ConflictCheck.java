package io.rafka.chaos.check;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link Anomaly#CONFLICT}: an offset of a partition holds one value for everybody, readers, replicas and the
 * producer it was acknowledged to alike. Counts one per offset with more than one value.
 */
final class ConflictCheck implements AnomalyCheck {
  @Override
  public void check(HistoryIndex history, AnomalyLog log) {
    List<Observation> observations = new ArrayList<>(history.ackObservations());
    observations.addAll(history.readObservations());
    observations.addAll(history.finalObservations());
    Map<Location, Map<String, String>> valuesByLocation = new TreeMap<>();
    for (Observation seen : observations) {
      valuesByLocation.computeIfAbsent(Location.of(seen), l -> new LinkedHashMap<>())
          .putIfAbsent(seen.value(), seen.source());
    }
    valuesByLocation.forEach((location, values) -> {
      if (values.size() > 1) {
        Iterator<Map.Entry<String, String>> seen = values.entrySet().iterator();
        Map.Entry<String, String> first = seen.next();
        Map.Entry<String, String> second = seen.next();
        log.add(Anomaly.CONFLICT, location + " holds " + values.size() + " values: '" + first.getKey() + "' ("
            + first.getValue() + ") and '" + second.getKey() + "' (" + second.getValue() + ")");
      }
    });
  }
}
