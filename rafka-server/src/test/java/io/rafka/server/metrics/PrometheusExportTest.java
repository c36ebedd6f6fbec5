package io.rafka.server.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PrometheusExportTest {
  @Test
  void labelledSeriesOfOneNameBecomeOneMetric() throws Exception {
    MetricRegistry registry = new MetricRegistry();
    registry.register(MetricNames.tagged(MetricNames.PARTITION_LOG_END_OFFSET, "topic", "orders.eu", "partition",
        "0"), (Gauge<Long>) () -> 42L);
    registry.register(MetricNames.tagged(MetricNames.PARTITION_LOG_END_OFFSET, "topic", "orders.eu", "partition",
        "1"), (Gauge<Long>) () -> 7L);
    registry.timer(MetricNames.PRODUCE_REQUESTS).update(3, TimeUnit.MILLISECONDS);
    registry.meter(MetricNames.PRODUCE_BYTES_IN).mark(100);

    String text = scrape(new PrometheusExport(registry));

    assertTrue(text.contains("rafka_partition_log_end_offset{partition=\"0\",topic=\"orders.eu\"} 42.0"), text);
    assertTrue(text.contains("rafka_partition_log_end_offset{partition=\"1\",topic=\"orders.eu\"} 7.0"), text);
    assertTrue(text.contains("# TYPE rafka_partition_log_end_offset gauge"), "one metric, two series: " + text);
    assertTrue(text.contains("rafka_produce_requests{quantile=\"0.99\"}"), "timers are summaries: " + text);
    assertTrue(text.contains("rafka_produce_bytes_in_total 100.0"), "meters are counters: " + text);
    assertTrue(text.contains("jvm_memory_used_bytes"), "JVM metrics come along: " + text);
    assertTrue(text.contains("jvm_threads_current"), text);
    assertTrue(text.contains("# HELP rafka_partition_log_end_offset The offset after the last record this replica "
        + "holds."), "help comes from MetricNames, not from the bridge: " + text);
    assertTrue(text.contains("# HELP rafka_produce_bytes_in_total Record batch bytes written."), text);
    assertTrue(text.contains("# HELP rafka_produce_requests Produce requests: seconds"), text);
  }

  private static String scrape(PrometheusExport export) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new PrometheusTextFormatWriter(false).write(out, export.registry().scrape());
    return out.toString(StandardCharsets.UTF_8);
  }
}
