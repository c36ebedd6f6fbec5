package io.rafka.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricNamesTest {
  @Test
  void taggedNamesCarryLabelsThatSurviveAnyValue() {
    String name = MetricNames.tagged(MetricNames.PARTITION_LOG_END_OFFSET, "topic", "a.b-c", "partition", "3");
    assertEquals(MetricNames.PARTITION_LOG_END_OFFSET, MetricNames.base(name));
    assertEquals(Map.of("topic", "a.b-c", "partition", "3"), MetricNames.labels(name));

    String odd = MetricNames.tagged("group.lag", "group", "pay|ments=1 %x");
    assertEquals(Map.of("group", "pay|ments=1 %x"), MetricNames.labels(odd), "separators in values are escaped");
  }

  @Test
  void prometheusNamesArePrefixedAndSanitized() {
    assertEquals("rafka_partition_log_end_offset", MetricNames.prometheusName(
        MetricNames.tagged(MetricNames.PARTITION_LOG_END_OFFSET, "topic", "t", "partition", "0")));
    assertEquals("rafka_produce_bytes_in", MetricNames.prometheusName(MetricNames.PRODUCE_BYTES_IN));
    assertTrue(MetricNames.labels(MetricNames.PRODUCE_BYTES_IN).isEmpty());
  }

  @Test
  void labelsComeInPairs() {
    assertThrows(IllegalArgumentException.class, () -> MetricNames.tagged("x", "topic"));
  }
}
