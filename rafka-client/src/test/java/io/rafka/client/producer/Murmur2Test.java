package io.rafka.client.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rafka.client.producer.internals.Murmur2;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The key hash is Kafka's, bit for bit (vectors from Kafka's UtilsTest), so keys land where Kafka puts them. */
class Murmur2Test {
  @ParameterizedTest
  @CsvSource({
      "21, -973932308",
      "foobar, -790332482",
      "a-little-bit-long-string, -985981536",
      "a-little-bit-longer-string, -1486304829",
      "lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8, -58897971",
      "abc, 479470107"})
  void matchesKafka(String key, int expected) {
    assertEquals(expected, Murmur2.hash(key.getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest
  @CsvSource({"21, 6", "foobar, 6", "abc, 1000"})
  void partitionIsTheHashMadePositiveModuloTheCount(String key, int partitions) {
    int hash = Murmur2.hash(key.getBytes(StandardCharsets.UTF_8));
    assertEquals((hash & 0x7fffffff) % partitions, Murmur2.partition(key.getBytes(StandardCharsets.UTF_8), partitions));
  }
}
