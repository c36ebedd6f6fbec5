package io.rafka.client.producer;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rafka.common.config.ConfigException;
import io.rafka.common.serialization.StringSerializer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad producer input fails at once, with a message that names the problem; no server is needed. */
class ProducerInputTest {
  private static Map<String, Object> props(String... kv) {
    Map<String, Object> p = new HashMap<>();
    p.put("bootstrap.servers", "127.0.0.1:1");
    for (int i = 0; i < kv.length; i += 2) {
      p.put(kv[i], kv[i + 1]);
    }
    return p;
  }

  private static void refused(Map<String, Object> props, String mentions) {
    ConfigException e = assertThrows(ConfigException.class,
        () -> new RafkaProducer<>(props, new StringSerializer(), new StringSerializer()).close());
    assertTrue(e.getMessage().contains(mentions), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
      "batch.size, -1",
      "buffer.memory, -5",
      "linger.ms, -1",
      "max.in.flight.requests.per.partition, 0",
      "max.in.flight.requests.per.partition, 6",
      "compression.type, snappy",
      "compression.type, LZ4",
      "acks, 1",
      "acks, 0",
      "delivery.timeout.ms, soon",
      "enable.idempotence, maybe"})
  void invalidValuesNameTheKey(String key, String value) {
    refused(props(key, value), key);
  }

  @Test
  void unknownKeysAreRefused() {
    refused(props("batch.szie", "1000"), "batch.szie");
  }

  @Test
  void bootstrapServersIsRequired() {
    Map<String, Object> p = props();
    p.remove("bootstrap.servers");
    refused(p, "bootstrap.servers");
  }

  @Test
  void anUnknownSerializerClassIsNamed() {
    ConfigException e = assertThrows(ConfigException.class, () -> new RafkaProducer<String, String>(
        props("key.serializer", "com.example.NoSuchSerializer", "value.serializer",
            StringSerializer.class.getName())).close());
    assertTrue(e.getMessage().contains("key.serializer") && e.getMessage().contains("no such class"), e.getMessage());
  }

  @Test
  void aClassThatIsNotASerializerIsRefused() {
    ConfigException e = assertThrows(ConfigException.class, () -> new RafkaProducer<String, String>(
        props("key.serializer", StringSerializer.class.getName(), "value.serializer", "java.lang.String")).close());
    assertTrue(e.getMessage().contains("value.serializer") && e.getMessage().contains("does not implement"),
        e.getMessage());
  }

  @Test
  void missingSerializersAreNamed() {
    ConfigException e = assertThrows(ConfigException.class, () -> new RafkaProducer<String, String>(props()).close());
    assertTrue(e.getMessage().contains("key.serializer"), e.getMessage());
  }

  @Test
  void aRecordNeedsATopicAndALegalPartition() {
    NullPointerException npe = assertThrows(NullPointerException.class, () -> new ProducerRecord<>(null, "v"));
    assertTrue(npe.getMessage().contains("topic"));
    IllegalArgumentException iae = assertThrows(IllegalArgumentException.class,
        () -> new ProducerRecord<>("t", -1, "k", "v"));
    assertTrue(iae.getMessage().contains("partition"));
  }

  @Test
  void sendingANullRecordOrAfterCloseFailsFast() {
    RafkaProducer<String, String> producer =
        new RafkaProducer<>(props(), new StringSerializer(), new StringSerializer());
    assertThrows(NullPointerException.class, () -> producer.send(null));
    producer.close();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> producer.send(new ProducerRecord<>("t", "v")));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
  }
}
