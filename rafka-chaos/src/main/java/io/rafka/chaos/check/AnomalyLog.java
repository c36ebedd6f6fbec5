package io.rafka.chaos.check;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the anomalies the checks find and keeps the first few examples of each: a run with a systematic bug
 * can have millions, and ten say as much as all of them. Not thread-safe: one check run fills it.
 */
final class AnomalyLog {
  /** How many examples of each anomaly are kept. */
  static final int MAX_EXAMPLES = 10;

  private final Map<Anomaly, Long> counts = new EnumMap<>(Anomaly.class);
  private final Map<Anomaly, List<String>> examples = new EnumMap<>(Anomaly.class);

  AnomalyLog() {
    for (Anomaly anomaly : Anomaly.values()) {
      counts.put(anomaly, 0L);
      examples.put(anomaly, new ArrayList<>());
    }
  }

  /** Counts one {@code anomaly}, described by {@code example}. */
  void add(Anomaly anomaly, String example) {
    add(anomaly, 1, example);
  }

  /** Counts {@code howMany} of {@code anomaly} (say, offsets of one gap), described by one {@code example}. */
  void add(Anomaly anomaly, long howMany, String example) {
    counts.merge(anomaly, howMany, Long::sum);
    List<String> kept = examples.get(anomaly);
    if (kept.size() < MAX_EXAMPLES) {
      kept.add(example);
    }
  }

  /** The counts of every anomaly, zero included. */
  Map<Anomaly, Long> counts() {
    return new EnumMap<>(counts);
  }

  /** The kept examples of every anomaly, empty included. */
  Map<Anomaly, List<String>> examples() {
    Map<Anomaly, List<String>> copy = new EnumMap<>(Anomaly.class);
    examples.forEach((anomaly, kept) -> copy.put(anomaly, List.copyOf(kept)));
    return copy;
  }
}
