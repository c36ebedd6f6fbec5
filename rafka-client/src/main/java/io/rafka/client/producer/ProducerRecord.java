package io.rafka.client.producer;

import io.rafka.common.Header;
import java.util.List;
import java.util.Objects;

/**
 * A record to send. A null {@code partition} lets the producer choose: the hash of the key (murmur2, as in
 * Kafka, so the same key always lands on the same partition), or for a null key a partition kept for a
 * while to fill batches. A null {@code timestamp} means "now". Immutable.
 */
public record ProducerRecord<K, V>(String topic, Integer partition, Long timestamp, K key, V value,
    List<Header> headers) {
  public ProducerRecord {
    Objects.requireNonNull(topic, "topic");
    if (partition != null && partition < 0) {
      throw new IllegalArgumentException("partition must not be negative, was " + partition);
    }
    headers = headers == null ? List.of() : List.copyOf(headers);
  }

  public ProducerRecord(String topic, K key, V value) {
    this(topic, null, null, key, value, List.of());
  }

  public ProducerRecord(String topic, Integer partition, K key, V value) {
    this(topic, partition, null, key, value, List.of());
  }

  public ProducerRecord(String topic, V value) {
    this(topic, null, null, null, value, List.of());
  }
}
