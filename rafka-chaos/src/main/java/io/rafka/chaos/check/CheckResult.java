package io.rafka.chaos.check;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The verdict on a run: how many of each {@link Anomaly} it had, with examples, and its {@link Statistics}.
 * There is one check per anomaly kind; the run is valid when every check passed, i.e. found none. Immutable
 * and thread-safe.
 */
public final class CheckResult {
  private final RunInfo run;
  private final Map<Anomaly, Long> counts;
  private final Map<Anomaly, List<String>> examples;
  private final Statistics statistics;

  CheckResult(RunInfo run, AnomalyLog anomalies, Statistics statistics) {
    this.run = run;
    this.counts = Collections.unmodifiableMap(new EnumMap<>(anomalies.counts()));
    this.examples = Collections.unmodifiableMap(new EnumMap<>(anomalies.examples()));
    this.statistics = statistics;
  }

  public RunInfo run() {
    return run;
  }

  public Statistics statistics() {
    return statistics;
  }

  /** How many times the run showed {@code anomaly}. */
  public long count(Anomaly anomaly) {
    return counts.get(anomaly);
  }

  /** The count of every anomaly, zeros included, in {@link Anomaly} order. */
  public Map<Anomaly, Long> counts() {
    return counts;
  }

  /** Descriptions of the first {@value AnomalyLog#MAX_EXAMPLES} occurrences of {@code anomaly}. */
  public List<String> examples(Anomaly anomaly) {
    return examples.get(anomaly);
  }

  /** Whether the run showed no anomaly at all. */
  public boolean valid() {
    return checksFailed() == 0;
  }

  /** How many checks found nothing. */
  public int checksPassed() {
    return Anomaly.values().length - checksFailed();
  }

  /** How many checks found something. */
  public int checksFailed() {
    return (int) counts.values().stream().filter(count -> count > 0).count();
  }

  /** The report for a human, ending with the line {@code N passed, M failed}. */
  public String summary() {
    return SummaryText.of(this);
  }

  /** The report for a machine: a JSON object with the run, the anomalies and the statistics. */
  public String toJson() {
    return ResultJson.of(this);
  }
}
