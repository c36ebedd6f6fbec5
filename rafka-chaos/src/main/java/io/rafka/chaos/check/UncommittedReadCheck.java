package io.rafka.chaos.check;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link Anomaly#UNCOMMITTED_READ}: readers see only committed records, which every replica keeps. A value
 * read at an offset where no replica's final read holds it was uncommitted, or has since been lost or
 * overwritten. Counts one per distinct value and offset read.
 */
final class UncommittedReadCheck implements AnomalyCheck {
  /** A value at a place, whoever saw it. */
  private record Placement(Location location, String value) {}

  @Override
  public void check(HistoryIndex history, AnomalyLog log) {
    Set<Placement> checked = new HashSet<>();
    for (Observation read : history.readObservations()) {
      if (checked.add(new Placement(Location.of(read), read.value()))) {
        Set<String> finalValues = history.finalValuesAt(read.partition(), read.offset());
        if (!finalValues.contains(read.value())) {
          log.add(Anomaly.UNCOMMITTED_READ, "'" + read.value() + "' read at " + Location.of(read) + " ("
              + read.source() + ") but the final reads hold "
              + (finalValues.isEmpty() ? "nothing" : new TreeSet<>(finalValues)) + " there");
        }
      }
    }
  }
}
