package io.rafka.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Latencies below 2048 µs, which HdrHistogram keeps exactly at three digits, keep the expected values exact. */
class LatencyStatsTest {
  private final AtomicLong clock = new AtomicLong(5_000);
  private final LatencyStats stats = new LatencyStats(clock::get);

  @Test
  void recordsInMicroseconds() {
    stats.record(1_999_999); // 1999.999 µs
    stats.record(750);
    LatencyStats.Snapshot interval = stats.takeInterval();
    assertEquals(2, interval.count());
    assertEquals(1_999, interval.latenciesMicros().getMaxValue());
    assertEquals(0, interval.latenciesMicros().getMinValue());
  }

  @Test
  void eachIntervalHoldsItsOwnLatenciesAndLength() {
    stats.record(1_000_000);
    clock.addAndGet(3_000);
    LatencyStats.Snapshot first = stats.takeInterval();
    stats.record(500_000);
    stats.record(1_500_000);
    clock.addAndGet(2_000);
    LatencyStats.Snapshot second = stats.takeInterval();
    assertEquals(1, first.count());
    assertEquals(3_000, first.elapsedNanos());
    assertEquals(2, second.count());
    assertEquals(2_000, second.elapsedNanos());
    assertEquals(1_000, second.latenciesMicros().getMean());
  }

  @Test
  void theTotalHoldsEveryIntervalAndWhatCameSince() {
    stats.record(1_000_000);
    clock.addAndGet(3_000);
    stats.takeInterval();
    stats.record(2_000_000);
    clock.addAndGet(4_000);
    LatencyStats.Snapshot total = stats.total();
    assertEquals(2, total.count());
    assertEquals(7_000, total.elapsedNanos());
    assertEquals(1_500, total.latenciesMicros().getMean());
  }

  @Test
  void latenciesAreTakenFromAnyThread() throws InterruptedException {
    Thread[] writers = new Thread[4];
    for (int t = 0; t < writers.length; t++) {
      writers[t] = new Thread(() -> {
        for (int i = 0; i < 10_000; i++) {
          stats.record(1_000);
        }
      });
      writers[t].start();
    }
    // Intervals taken while the writers run lose nothing: they all end up in the total.
    for (Thread writer : writers) {
      stats.takeInterval();
      writer.join();
    }
    assertEquals(40_000, stats.total().count());
  }
}
