package io.rafka.tools;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The latencies of acknowledged sends, per reporting interval and in total, in microseconds. Thread-safe:
 * {@link #record} is wait-free and meant for the producer's I/O thread; the readers ({@link #takeInterval},
 * {@link #total}) are synchronized with each other.
 *
 * <p>An HdrHistogram keeps three significant digits over any range in a few hundred kilobytes, so every
 * latency counts, not a sample as in Kafka's tool, and percentiles stay exact to 0.1% however long the run.
 */
final class LatencyStats {
  /** Three digits: a latency is known to within 0.1%, far finer than the whole milliseconds reported. */
  private static final int SIGNIFICANT_DIGITS = 3;

  /**
   * Latencies recorded during some span of time, and how long the span was.
   *
   * @param latenciesMicros owned by the caller, who may change it
   */
  record Snapshot(Histogram latenciesMicros, long elapsedNanos) {
    /** How many sends were acknowledged in the span. */
    long count() {
      return latenciesMicros.getTotalCount();
    }
  }

  // Both histograms resize themselves, so no latency, however long, is out of range.
  private final Recorder recorder = new Recorder(SIGNIFICANT_DIGITS);
  private final Histogram total = new Histogram(SIGNIFICANT_DIGITS);
  private final LongSupplier nanoClock;
  private final long startNanos;
  private long intervalStartNanos;

  /** Starts the clock for both the first interval and the total. */
  LatencyStats(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
    this.startNanos = nanoClock.getAsLong();
    this.intervalStartNanos = startNanos;
  }

  /** Records one acknowledged send that took {@code latencyNanos}. */
  void record(long latencyNanos) {
    recorder.recordValue(TimeUnit.NANOSECONDS.toMicros(latencyNanos));
  }

  /** The latencies recorded since the previous interval (or the start), and starts the next interval. */
  synchronized Snapshot takeInterval() {
    long now = nanoClock.getAsLong();
    Histogram interval = recorder.getIntervalHistogram();
    total.add(interval);
    Snapshot snapshot = new Snapshot(interval, now - intervalStartNanos);
    intervalStartNanos = now;
    return snapshot;
  }

  /** Every latency recorded so far, and the time since the start. */
  synchronized Snapshot total() {
    takeInterval();
    return new Snapshot(total.copy(), intervalStartNanos - startNanos);
  }
}
