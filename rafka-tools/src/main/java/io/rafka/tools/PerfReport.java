package io.rafka.tools;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Formats the results of {@code rafka-perf.sh} in the layout of Kafka's {@code kafka-producer-perf-test.sh}
 * and {@code kafka-consumer-perf-test.sh}, so that scripts written for those read ours. Stateless and
 * thread-safe.
 *
 * <p>Numbers are formatted in {@link Locale#ROOT}: a decimal comma from the default locale would break the
 * comma-separated consumer line and every parser of these lines.
 */
final class PerfReport {
  /** The columns of Kafka's consumer report, less rebalance.time.ms: there are no consumer groups. */
  static final String CONSUMER_HEADER = "start.time, end.time, data.consumed.in.MB, MB.sec, "
      + "data.consumed.in.nMsg, nMsg.sec, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec";

  private static final double BYTES_PER_MB = 1024 * 1024;
  private static final double MICROS_PER_MILLI = 1000;
  /** Kafka's consumer report prints times this way (its default --date-format). */
  private static final String DATE_PATTERN = "yyyy-MM-dd HH:mm:ss:SSS";

  /**
   * A consumer run: when it started, how long it took in all and how much of that was spent fetching (the
   * rest went to finding the partitions and their beginnings), and what it read.
   */
  record ConsumeSummary(long startEpochMillis, long elapsedNanos, long fetchNanos, long records, long bytes) {}

  private PerfReport() {}

  /**
   * Kafka's progress line for one interval of a producer run: average and maximum latency with a fraction
   * of a millisecond.
   */
  static String producerInterval(LatencyStats.Snapshot interval, int recordSize) {
    Histogram latencies = interval.latenciesMicros();
    return String.format(Locale.ROOT,
        "%d records sent, %.1f records/sec (%.2f MB/sec), %.1f ms avg latency, %.1f ms max latency.",
        interval.count(), perSecond(interval.count(), interval.elapsedNanos()),
        perSecond(interval.count() * (double) recordSize / BYTES_PER_MB, interval.elapsedNanos()),
        latencies.getMean() / MICROS_PER_MILLI, latencies.getMaxValue() / MICROS_PER_MILLI);
  }

  /**
   * Kafka's final line of a producer run. Maximum and percentiles are whole milliseconds, rounded down as
   * Kafka's millisecond clock rounds them.
   */
  static String producerTotal(LatencyStats.Snapshot total, int recordSize) {
    Histogram latencies = total.latenciesMicros();
    return String.format(Locale.ROOT,
        "%d records sent, %.1f records/sec (%.2f MB/sec), %.2f ms avg latency, %d ms max latency, "
            + "%d ms 50th, %d ms 95th, %d ms 99th, %d ms 99.9th.",
        total.count(), perSecond(total.count(), total.elapsedNanos()),
        perSecond(total.count() * (double) recordSize / BYTES_PER_MB, total.elapsedNanos()),
        latencies.getMean() / MICROS_PER_MILLI, wholeMillis(latencies.getMaxValue()),
        wholeMillis(latencies.getValueAtPercentile(50)), wholeMillis(latencies.getValueAtPercentile(95)),
        wholeMillis(latencies.getValueAtPercentile(99)), wholeMillis(latencies.getValueAtPercentile(99.9)));
  }

  /** A progress line for one interval of a consumer run, in the producer's style. */
  static String consumerInterval(long records, long bytes, long elapsedNanos) {
    return String.format(Locale.ROOT, "%d records consumed, %.1f records/sec (%.2f MB/sec).",
        records, perSecond(records, elapsedNanos), perSecond(bytes / BYTES_PER_MB, elapsedNanos));
  }

  /**
   * Kafka's consumer report, header and data line, with times in {@code zone}. The MB.sec and nMsg.sec
   * columns are over the whole run, the fetch.* columns over the time spent fetching.
   */
  static List<String> consumerTotal(ConsumeSummary run, ZoneId zone) {
    DateTimeFormatter dates = DateTimeFormatter.ofPattern(DATE_PATTERN, Locale.ROOT).withZone(zone);
    double mb = run.bytes() / BYTES_PER_MB;
    long endEpochMillis = run.startEpochMillis() + TimeUnit.NANOSECONDS.toMillis(run.elapsedNanos());
    return List.of(CONSUMER_HEADER, String.format(Locale.ROOT, "%s, %s, %.4f, %.4f, %d, %.4f, %d, %.4f, %.4f",
        dates.format(Instant.ofEpochMilli(run.startEpochMillis())), dates.format(Instant.ofEpochMilli(endEpochMillis)),
        mb, perSecond(mb, run.elapsedNanos()), run.records(), perSecond(run.records(), run.elapsedNanos()),
        TimeUnit.NANOSECONDS.toMillis(run.fetchNanos()), perSecond(mb, run.fetchNanos()),
        perSecond(run.records(), run.fetchNanos())));
  }

  /** The consumer's plain summary: how fast it fetched. */
  static String consumerSummary(ConsumeSummary run) {
    return String.format(Locale.ROOT, "%d records consumed in %.3f s: %.1f records/sec (%.2f MB/sec)",
        run.records(), run.fetchNanos() / (double) TimeUnit.SECONDS.toNanos(1),
        perSecond(run.records(), run.fetchNanos()), perSecond(run.bytes() / BYTES_PER_MB, run.fetchNanos()));
  }

  /** {@code amount} per second of {@code nanos}; zero for an empty span rather than Kafka's Infinity or NaN. */
  private static double perSecond(double amount, long nanos) {
    return nanos <= 0 ? 0 : amount * TimeUnit.SECONDS.toNanos(1) / nanos;
  }

  private static long wholeMillis(long micros) {
    return TimeUnit.MICROSECONDS.toMillis(micros);
  }
}
