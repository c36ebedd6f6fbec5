package io.rafka.client.producer.internals;

import io.rafka.common.TopicPartition;
import java.util.Comparator;
import java.util.List;

/**
 * Records drained for one partition, with the producer epoch and sequence they carry. A retry resends the
 * same batch with the same sequence, so the partition can recognise it if an earlier attempt was written;
 * only after the producer starts a new epoch (an earlier batch failed for good, so none after it was written)
 * does a waiting batch get a fresh sequence. Guarded by the accumulator's lock.
 */
final class ProducerBatch {
  /** Resend order: by epoch, then sequence. */
  static final Comparator<ProducerBatch> SEQUENCE_ORDER =
      Comparator.comparingInt((ProducerBatch b) -> b.epoch).thenComparingInt(b -> b.baseSequence)
          .thenComparingLong(b -> b.id);

  private static long ids;

  final long id;
  final TopicPartition partition;
  final List<PendingRecord> records;
  final long bytes;
  int epoch;
  int baseSequence;
  int attempts;
  /** Why the latest attempt failed (or "no leader known"), for the message when the batch expires. */
  String lastError = "none";
  boolean settled;
  /**
   * This attempt was sent while an earlier batch of the partition was unsettled, so the two may have reached
   * the log in either order: an out-of-order answer then means "try again", not a lost batch.
   */
  boolean raced;

  ProducerBatch(TopicPartition partition, List<PendingRecord> records, int epoch, int baseSequence) {
    synchronized (ProducerBatch.class) {
      this.id = ids++;
    }
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
