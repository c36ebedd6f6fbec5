package io.rafka.chaos.check;

import io.rafka.chaos.history.HistoryEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a run did, beside whether it was correct: operation counts, faults, throughput, produce latency per
 * phase and unavailability per fault. Immutable.
 *
 * @param operations events by f and type
 * @param faults the faults in the order they started
 * @param okProducesPerSecond acknowledged writes in each second of the run, second 0 first
 * @param produceLatency latencies of acknowledged writes (invoke to ok) by the phase they were invoked in
 * @param unavailability per fault, in the order of {@code faults}
 */
public record Statistics(OperationCounts operations, List<FaultWindow> faults, List<Long> okProducesPerSecond,
    Map<Phase, LatencySummary> produceLatency, List<FaultUnavailability> unavailability) {

  public Statistics {
    faults = List.copyOf(faults);
    okProducesPerSecond = List.copyOf(okProducesPerSecond);
    produceLatency = Collections.unmodifiableMap(new EnumMap<>(produceLatency));
    unavailability = List.copyOf(unavailability);
  }

  static Statistics of(HistoryIndex history) {
    return new Statistics(new OperationCounts(history.events()), history.faults(), throughput(history),
        latencyByPhase(history), FaultUnavailability.of(history));
  }

  private static List<Long> throughput(HistoryIndex history) {
    long[] perSecond = new long[(int) (history.endTime() / 1000) + 1];
    for (Operation produce : history.produces()) {
      if (produce.isOk()) {
        perSecond[(int) (produce.completionTime() / 1000)]++;
      }
    }
    List<Long> seconds = new ArrayList<>(perSecond.length);
    for (long count : perSecond) {
      seconds.add(count);
    }
    return seconds;
  }

  private static Map<Phase, LatencySummary> latencyByPhase(HistoryIndex history) {
    Map<Phase, List<Long>> latencies = new EnumMap<>(Phase.class);
    for (Phase phase : Phase.values()) {
      latencies.put(phase, new ArrayList<>());
    }
    for (Operation produce : history.produces()) {
      if (produce.isOk()) {
        HistoryEvent invoke = produce.invoke();
        latencies.get(Phase.at(invoke.time(), history)).add(produce.completionTime() - invoke.time());
      }
    }
    Map<Phase, LatencySummary> summaries = new EnumMap<>(Phase.class);
    latencies.forEach((phase, millis) ->
        summaries.put(phase, LatencySummary.of(millis.stream().mapToLong(Long::longValue).toArray())));
    return summaries;
  }
}
