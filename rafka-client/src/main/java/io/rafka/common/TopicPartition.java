package io.rafka.common;

/** A topic name and a partition index. Immutable. */
public record TopicPartition(String topic, int partition) {
  @Override
  public String toString() {
    return topic + "-" + partition;
  }
}
