package io.rafka.client.producer.internals;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Chooses partitions for records without a key: stays on one partition until about a batch's worth of bytes
 * went to it, then moves to the next, so keyless records form full batches yet spread over all partitions.
 * Thread-safe.
 */
final class StickyPartitioner {
  private final int batchSize;
  private final Map<String, State> topics = new ConcurrentHashMap<>();

  StickyPartitioner(int batchSize) {
    this.batchSize = batchSize;
  }

  int partition(String topic, int partitions, int recordSize) {
    State s = topics.computeIfAbsent(topic, t -> new State(ThreadLocalRandom.current().nextInt(partitions)));
    synchronized (s) {
      if (s.bytes >= batchSize) {
        s.partition++;
        s.bytes = 0;
      }
      s.bytes += recordSize;
      return Math.floorMod(s.partition, partitions);
    }
  }

  private static final class State {
    int partition;
    long bytes;

    State(int partition) {
      this.partition = partition;
    }
  }
}
