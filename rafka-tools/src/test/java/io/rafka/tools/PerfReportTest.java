package io.rafka.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PerfReportTest {
  private static final long SECOND = 1_000_000_000L;

  /**
   * 100 latencies in microseconds: 50 of 1.5 ms, 45 of 2 ms, 4 of 7 ms and one of 250 ms. HdrHistogram (three
   * digits) keeps those below 2048 exactly; it puts 7000 in a bucket of 4 (7000..7003) and 250000 in one of
   * 128 (249984..250111), and reports a bucket's top for max and percentiles and its middle for the mean.
   */
  private static Histogram latencies() {
    Histogram h = new Histogram(3);
    h.recordValueWithCount(1_500, 50);
    h.recordValueWithCount(2_000, 45);
    h.recordValueWithCount(7_000, 4);
    h.recordValue(250_000);
    return h;
  }

  @Test
  void producerTotalIsKafkasFinalLine() {
    // 100 records of 1 KiB in 2 s; mean (75000 + 90000 + 4 * 7002 + 250048) / 100 = 4430.56 µs.
    assertEquals("100 records sent, 50.0 records/sec (0.05 MB/sec), 4.43 ms avg latency, 250 ms max latency, "
            + "1 ms 50th, 2 ms 95th, 7 ms 99th, 250 ms 99.9th.",
        PerfReport.producerTotal(new LatencyStats.Snapshot(latencies(), 2 * SECOND), 1024));
  }

  @Test
  void producerIntervalIsKafkasProgressLine() {
    assertEquals("100 records sent, 40.0 records/sec (3.81 MB/sec), 4.4 ms avg latency, 250.1 ms max latency.",
        PerfReport.producerInterval(new LatencyStats.Snapshot(latencies(), 2_500_000_000L), 100_000));
  }

  @Test
  void anEmptySpanPrintsZerosRatherThanNaN() {
    LatencyStats.Snapshot none = new LatencyStats.Snapshot(new Histogram(3), 0);
    assertEquals("0 records sent, 0.0 records/sec (0.00 MB/sec), 0.0 ms avg latency, 0.0 ms max latency.",
        PerfReport.producerInterval(none, 100));
    assertEquals("0 records sent, 0.0 records/sec (0.00 MB/sec), 0.00 ms avg latency, 0 ms max latency, "
        + "0 ms 50th, 0 ms 95th, 0 ms 99th, 0 ms 99.9th.", PerfReport.producerTotal(none, 100));
  }

  @Test
  void numbersIgnoreTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
    try {
      assertEquals("100 records sent, 50.0 records/sec (0.05 MB/sec), 4.43 ms avg latency, 250 ms max latency, "
              + "1 ms 50th, 2 ms 95th, 7 ms 99th, 250 ms 99.9th.",
          PerfReport.producerTotal(new LatencyStats.Snapshot(latencies(), 2 * SECOND), 1024));
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void consumerTotalIsKafkasHeaderAndDataLine() {
    // 100,000 records of 1 KiB (97.65625 MB) in 2.5 s, 2 s of them fetching.
    PerfReport.ConsumeSummary run = new PerfReport.ConsumeSummary(
        Instant.parse("2024-05-01T12:00:00Z").toEpochMilli(), 2_500_000_000L, 2 * SECOND, 100_000, 102_400_000);
    assertEquals(List.of(
            "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, fetch.time.ms, "
                + "fetch.MB.sec, fetch.nMsg.sec",
            "2024-05-01 12:00:00:000, 2024-05-01 12:00:02:500, 97.6563, 39.0625, 100000, 40000.0000, 2000, "
                + "48.8281, 50000.0000"),
        PerfReport.consumerTotal(run, ZoneOffset.UTC));
    assertEquals("100000 records consumed in 2.000 s: 50000.0 records/sec (48.83 MB/sec)",
        PerfReport.consumerSummary(run));
  }

  @Test
  void consumerTimesAreInTheGivenZone() {
    PerfReport.ConsumeSummary run = new PerfReport.ConsumeSummary(
        Instant.parse("2024-05-01T12:00:00Z").toEpochMilli(), 1_234_000_000L, SECOND, 1, 1);
    assertEquals("2024-05-01 14:00:00:000, 2024-05-01 14:00:01:234, ",
        PerfReport.consumerTotal(run, ZoneId.of("Europe/Paris")).get(1).substring(0, 50));
  }

  @Test
  void consumerWithNothingReadPrintsZeros() {
    PerfReport.ConsumeSummary run = new PerfReport.ConsumeSummary(0, 0, 0, 0, 0);
    assertEquals("1970-01-01 00:00:00:000, 1970-01-01 00:00:00:000, 0.0000, 0.0000, 0, 0.0000, 0, 0.0000, 0.0000",
        PerfReport.consumerTotal(run, ZoneOffset.UTC).get(1));
    assertEquals("0 records consumed in 0.000 s: 0.0 records/sec (0.00 MB/sec)", PerfReport.consumerSummary(run));
  }

  @Test
  void consumerIntervalLine() {
    assertEquals("5000 records consumed, 1000.0 records/sec (0.95 MB/sec).",
        PerfReport.consumerInterval(5_000, 5_000 * 1000, 5 * SECOND));
  }
}
