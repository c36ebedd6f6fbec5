package io.rafka.chaos.check;

import io.rafka.chaos.history.EventType;
import io.rafka.chaos.history.OperationKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The human summary of a {@link CheckResult}: run, faults, operation counts, anomalies with examples,
 * throughput per second with the active faults marked, latency per phase, unavailability per fault, and the
 * final line {@code N passed, M failed}. Numbers are formatted in {@link Locale#ROOT} so the text reads the same
 * everywhere. Stateless and thread-safe.
 */
final class SummaryText {
  private SummaryText() {}

  static String of(CheckResult result) {
    StringBuilder text = new StringBuilder();
    Statistics statistics = result.statistics();
    run(text, result.run());
    faults(text, statistics.faults());
    operations(text, statistics.operations());
    anomalies(text, result);
    throughput(text, statistics);
    latency(text, statistics.produceLatency());
    unavailability(text, statistics.unavailability());
    text.append(result.checksPassed()).append(" passed, ").append(result.checksFailed()).append(" failed\n");
    return text.toString();
  }

  private static void run(StringBuilder text, RunInfo run) {
    text.append("Chaos run: seed ")
        .append(run.seed().isPresent() ? Long.toString(run.seed().getAsLong()) : "unknown")
        .append(", ").append(run.nodes()).append(" nodes, ").append(run.partitions()).append(" partitions, ")
        .append(seconds(run.durationMillis())).append('\n');
  }

  private static void faults(StringBuilder text, List<FaultWindow> faults) {
    text.append("Faults: ").append(faults.size()).append('\n');
    for (FaultWindow fault : faults) {
      text.append(String.format(Locale.ROOT, "  %s - %s  %s\n", seconds(fault.start()),
          fault.healed() ? seconds(fault.end()) : "never healed", fault.fault()));
    }
  }

  private static void operations(StringBuilder text, OperationCounts counts) {
    text.append(String.format(Locale.ROOT, "Operations: %-8s %8s %8s %8s %8s\n", "", "invoke", "ok", "fail", "info"));
    for (OperationKind f : OperationKind.values()) {
      text.append(String.format(Locale.ROOT, "  %-18s %8d %8d %8d %8d\n", f.jsonName(),
          counts.count(f, EventType.INVOKE), counts.count(f, EventType.OK), counts.count(f, EventType.FAIL),
          counts.count(f, EventType.INFO)));
    }
  }

  private static void anomalies(StringBuilder text, CheckResult result) {
    text.append("Anomalies:\n");
    for (Map.Entry<Anomaly, Long> count : result.counts().entrySet()) {
      Anomaly anomaly = count.getKey();
      text.append(String.format(Locale.ROOT, "  %-22s %8d  %s\n", anomaly, count.getValue(), anomaly.meaning()));
      for (String example : result.examples(anomaly)) {
        text.append("      ").append(example).append('\n');
      }
    }
  }

  private static void throughput(StringBuilder text, Statistics statistics) {
    text.append("Throughput (acknowledged writes per second; * = faults active):\n");
    List<Long> perSecond = statistics.okProducesPerSecond();
    for (int second = 0; second < perSecond.size(); second++) {
      long from = second * 1000L;
      String active = statistics.faults().stream()
          .filter(fault -> fault.overlaps(from, from + 999))
          .map(FaultWindow::fault)
          .collect(Collectors.joining(", "));
      text.append(String.format(Locale.ROOT, "  %6d s %8d%s\n", second, perSecond.get(second),
          active.isEmpty() ? "" : "  * " + active));
    }
  }

  private static void latency(StringBuilder text, Map<Phase, LatencySummary> latency) {
    text.append("Produce latency (ms, acknowledged writes by the phase they were invoked in):\n");
    latency.forEach((phase, summary) -> text.append(String.format(Locale.ROOT,
        "  %-38s n=%d p50=%d p99=%d max=%d\n", phase.description(), summary.count(), summary.p50Millis(),
        summary.p99Millis(), summary.maxMillis())));
  }

  private static void unavailability(StringBuilder text, List<FaultUnavailability> faults) {
    text.append("Unavailability per fault (ms from its start to the first acknowledgement, per partition, of a write "
        + "invoked after it started):\n");
    for (FaultUnavailability fault : faults) {
      text.append(String.format(Locale.ROOT, "  %s at %s: p50=%d max=%d%s\n", fault.fault().fault(),
          seconds(fault.fault().start()), fault.p50Millis(), fault.maxMillis(),
          fault.neverWritten().isEmpty() ? "" : " (no write ever again on partitions " + fault.neverWritten() + ")"));
    }
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f s", millis / 1000.0);
  }
}
