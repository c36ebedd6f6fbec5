package io.rafka.client.producer.internals;

import io.rafka.client.errors.TimeoutException;
import io.rafka.common.TopicPartition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Per-partition queues of records waiting to be sent, bounded in total by buffer.memory, and each
 * partition's send state: at most one batch in flight, the batch to retry, and the sequence numbers.
 * Appends come from any thread; draining and completion from the sender. Thread-safe (one lock).
 */
final class RecordAccumulator {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Condition spaceFreed = lock.newCondition();
  private final Map<TopicPartition, PartitionState> partitions = new LinkedHashMap<>();
  private final long bufferMemory;
  private final int batchSize;
  private final long lingerNanos;
  private long usedBytes;
  private int incomplete;
  private boolean closed;

  RecordAccumulator(long bufferMemory, int batchSize, long lingerMs) {
    this.bufferMemory = bufferMemory;
    this.batchSize = batchSize;
    this.lingerNanos = TimeUnit.MILLISECONDS.toNanos(lingerMs);
  }

  /** Per-partition sending state. */
  static final class PartitionState {
    final Deque<PendingRecord> queue = new ArrayDeque<>();
    ProducerBatch retry;
    boolean inFlight;
    long retryAtNanos;
    int epoch;
    int nextSequence;
    boolean sequenceUnknown;
  }

  /** Queues a record, blocking up to {@code maxBlockNanos} for buffer space. */
  void append(TopicPartition tp, PendingRecord record, long maxBlockNanos) throws InterruptedException {
    lock.lock();
    try {
      long deadline = System.nanoTime() + maxBlockNanos;
      while (usedBytes + record.size() > bufferMemory && usedBytes > 0) {
        if (closed) {
          throw new IllegalStateException("producer is closed");
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new TimeoutException("no buffer space for " + record.size() + " bytes within max.block.ms ("
              + usedBytes + " of buffer.memory " + bufferMemory + " in use)");
        }
        spaceFreed.awaitNanos(left);
      }
      if (closed) {
        throw new IllegalStateException("producer is closed");
      }
      usedBytes += record.size();
      incomplete++;
      partitions.computeIfAbsent(tp, k -> new PartitionState()).queue.addLast(record);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until some partition has a batch to send (or {@code maxWaitNanos} passes) and returns the batches
   * ready now: a pending retry whose backoff is over, or queued records that fill a batch, have lingered
   * long enough, or are being flushed.
   */
  List<ProducerBatch> drain(long maxWaitNanos, boolean flushing) throws InterruptedException {
    lock.lock();
    try {
      List<ProducerBatch> ready = collect(flushing);
      if (ready.isEmpty() && maxWaitNanos > 0) {
        changed.awaitNanos(Math.min(maxWaitNanos, nextWakeNanos()));
        ready = collect(flushing);
      }
      return ready;
    } finally {
      lock.unlock();
    }
  }

  private long nextWakeNanos() {
    long now = System.nanoTime();
    long wake = TimeUnit.MILLISECONDS.toNanos(100);
    for (PartitionState s : partitions.values()) {
      if (s.retry != null && !s.inFlight) {
        wake = Math.min(wake, Math.max(0, s.retryAtNanos - now));
      } else if (!s.queue.isEmpty() && !s.inFlight) {
        wake = Math.min(wake, Math.max(0, s.queue.peekFirst().createdNanos() + lingerNanos - now));
      }
    }
    return Math.max(wake, TimeUnit.MICROSECONDS.toNanos(100));
  }

  private List<ProducerBatch> collect(boolean flushing) {
    long now = System.nanoTime();
    List<ProducerBatch> ready = new ArrayList<>();
    for (Map.Entry<TopicPartition, PartitionState> e : partitions.entrySet()) {
      PartitionState s = e.getValue();
      if (s.inFlight) {
        continue;
      }
      if (s.retry != null) {
        if (now >= s.retryAtNanos) {
          s.inFlight = true;
          ready.add(s.retry);
        }
        continue;
      }
      if (s.queue.isEmpty()) {
        continue;
      }
      long queued = s.queue.stream().mapToLong(PendingRecord::size).sum();
      boolean full = queued >= batchSize;
      boolean lingered = now - s.queue.peekFirst().createdNanos() >= lingerNanos;
      if (!(full || lingered || flushing || closed)) {
        continue;
      }
      List<PendingRecord> records = new ArrayList<>();
      long bytes = 0;
      while (!s.queue.isEmpty() && (records.isEmpty() || bytes + s.queue.peekFirst().size() <= batchSize)) {
        PendingRecord r = s.queue.pollFirst();
        records.add(r);
        bytes += r.size();
      }
      if (s.sequenceUnknown) {
        // The last batch's fate is unknown or it was refused: start a new epoch so sequences restart at 0.
        s.epoch++;
        s.nextSequence = 0;
        s.sequenceUnknown = false;
      }
      ProducerBatch batch = new ProducerBatch(e.getKey(), records, s.epoch, s.nextSequence);
      s.nextSequence += records.size();
      s.inFlight = true;
      ready.add(batch);
    }
    return ready;
  }

  /** The batch was written (or failed for good): release its memory. */
  void completed(ProducerBatch batch, boolean failed) {
    lock.lock();
    try {
      PartitionState s = partitions.get(batch.partition);
      s.inFlight = false;
      s.retry = null;
      if (failed) {
        s.sequenceUnknown = true;
      }
      usedBytes -= batch.bytes;
      incomplete -= batch.records.size();
      spaceFreed.signalAll();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The batch failed in a way a retry may cure: resend it, same sequence, after {@code delayNanos}. */
  void retryLater(ProducerBatch batch, long delayNanos) {
    lock.lock();
    try {
      PartitionState s = partitions.get(batch.partition);
      s.inFlight = false;
      s.retry = batch;
      s.retryAtNanos = System.nanoTime() + delayNanos;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Records appended but not yet acknowledged or failed. */
  int incomplete() {
    lock.lock();
    try {
      return incomplete;
    } finally {
      lock.unlock();
    }
  }

  void wakeUp() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  void close() {
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
      spaceFreed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Takes every record not yet in flight, for failing at a forced close. */
  List<PendingRecord> abandon() {
    lock.lock();
    try {
      List<PendingRecord> out = new ArrayList<>();
      for (PartitionState s : partitions.values()) {
        out.addAll(s.queue);
        s.queue.clear();
        if (s.retry != null && !s.inFlight) {
          out.addAll(s.retry.records);
          s.retry = null;
        }
      }
      return out;
    } finally {
      lock.unlock();
    }
  }
}
