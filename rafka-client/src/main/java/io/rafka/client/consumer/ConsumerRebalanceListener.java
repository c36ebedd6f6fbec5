package io.rafka.client.consumer;

import io.rafka.common.TopicPartition;
import java.util.Collection;

/**
 * Told, on the thread that calls {@code poll}, when the group gives this consumer partitions or takes them
 * away. Commit what you have processed in {@link #onPartitionsRevoked}: the partition goes to another member
 * right after. Implementations need not be thread-safe (they run on the consumer's thread only).
 */
public interface ConsumerRebalanceListener {
  /** Partitions this consumer is giving up; still owned while this runs, so commits for them succeed. */
  void onPartitionsRevoked(Collection<TopicPartition> partitions);

  /** Partitions this consumer now owns; positions are set to the committed offsets (or auto.offset.reset). */
  void onPartitionsAssigned(Collection<TopicPartition> partitions);

  /**
   * Partitions this consumer lost without a chance to commit (its session expired and the group moved on).
   * By default the same as a revocation; commits for them will fail.
   */
  default void onPartitionsLost(Collection<TopicPartition> partitions) {
    onPartitionsRevoked(partitions);
  }

  /** A listener that does nothing. */
  ConsumerRebalanceListener NONE = new ConsumerRebalanceListener() {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}
  };
}
