package io.rafka.client.producer.internals;

import io.rafka.common.TopicPartition;
import java.util.List;

/**
 * Records drained for one partition, with the producer epoch and sequence they carry. A retry resends the
 * same batch with the same sequence, so the partition can recognise it if the first attempt was written.
 */
final class ProducerBatch {
  final TopicPartition partition;
  final List<PendingRecord> records;
  final int epoch;
  final int baseSequence;
  final long bytes;
  int attempts;

  ProducerBatch(TopicPartition partition, List<PendingRecord> records, int epoch, int baseSequence) {
    this.partition = partition;
    this.records = List.copyOf(records);
    this.epoch = epoch;
    this.baseSequence = baseSequence;
    this.bytes = records.stream().mapToLong(PendingRecord::size).sum();
  }

  long firstCreatedNanos() {
    return records.get(0).createdNanos();
  }
}
