package io.rafka.client.consumer;

import io.rafka.common.TopicPartition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The records one poll returned, per partition, each partition's in offset order. Immutable. */
public final class ConsumerRecords<K, V> implements Iterable<ConsumerRecord<K, V>> {
  private final Map<TopicPartition, List<ConsumerRecord<K, V>>> records;

  public ConsumerRecords(Map<TopicPartition, List<ConsumerRecord<K, V>>> records) {
    Map<TopicPartition, List<ConsumerRecord<K, V>>> copy = new LinkedHashMap<>();
    records.forEach((tp, list) -> copy.put(tp, List.copyOf(list)));
    this.records = Collections.unmodifiableMap(copy);
  }

  public static <K, V> ConsumerRecords<K, V> empty() {
    return new ConsumerRecords<>(Map.of());
  }

  public List<ConsumerRecord<K, V>> records(TopicPartition partition) {
    return records.getOrDefault(partition, List.of());
  }

  public Set<TopicPartition> partitions() {
    return records.keySet();
  }

  public int count() {
    return records.values().stream().mapToInt(List::size).sum();
  }

  public boolean isEmpty() {
    return count() == 0;
  }

  @Override
  public Iterator<ConsumerRecord<K, V>> iterator() {
    List<ConsumerRecord<K, V>> all = new ArrayList<>();
    records.values().forEach(all::addAll);
    return all.iterator();
  }
}
