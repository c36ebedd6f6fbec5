package io.rafka.client.consumer;

import io.rafka.common.Header;
import java.util.List;

/** A record read from a partition, at its offset. Immutable. */
public record ConsumerRecord<K, V>(String topic, int partition, long offset, long timestamp, K key, V value,
    List<Header> headers) {
  public ConsumerRecord {
    headers = List.copyOf(headers);
  }
}
