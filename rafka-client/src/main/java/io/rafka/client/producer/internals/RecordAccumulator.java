package io.rafka.client.producer.internals;

import io.rafka.client.errors.TimeoutException;
import io.rafka.common.TopicPartition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Per-partition queues of records waiting to be sent, bounded in total by buffer.memory, and each
 * partition's send state: the batches in flight (up to max.in.flight.requests.per.partition), the batches to
 * resend, and the producer epoch and sequence numbers. Resends go one at a time, lowest sequence first, and no
 * new batch leaves while one waits to be resent, so a partition writes batches in the order they were
 * drained. Appends come from any thread; draining and settling from the sender. Thread-safe (one lock).
 */
final class RecordAccumulator {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Condition spaceFreed = lock.newCondition();
  private final Map<TopicPartition, PartitionState> partitions = new LinkedHashMap<>();
  private final long bufferMemory;
  private final int batchSize;
  private final long lingerNanos;
  private final int maxInFlight;
  private long usedBytes;
  private int incomplete;
  private boolean closed;

  RecordAccumulator(long bufferMemory, int batchSize, long lingerMs, int maxInFlight) {
    this.bufferMemory = bufferMemory;
    this.batchSize = batchSize;
    this.lingerNanos = TimeUnit.MILLISECONDS.toNanos(lingerMs);
    this.maxInFlight = maxInFlight;
  }

  /** Per-partition sending state. */
  private static final class PartitionState {
    final Deque<PendingRecord> queue = new ArrayDeque<>();
    final Set<ProducerBatch> inFlight = new HashSet<>();
    /**
     * Drained batches from the oldest one not yet settled, in sequence order. Its size, not the number in
     * flight, bounds new sends: a retry must land within the partition's memory of the last few sequences
     * (5, as in Kafka) even when later batches were acknowledged before it.
     */
    final Deque<ProducerBatch> window = new ArrayDeque<>();
    final TreeSet<ProducerBatch> retries = new TreeSet<>(ProducerBatch.SEQUENCE_ORDER);
    long retryAtNanos;
    int epoch;
    int nextSequence;
    boolean newEpochPending;
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
   * ready now, marked in flight.
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
      if (!s.retries.isEmpty()) {
        wake = Math.min(wake, Math.max(0, s.retryAtNanos - now));
      } else if (!s.queue.isEmpty() && s.inFlight.size() < maxInFlight) {
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
      if (!s.retries.isEmpty()) {
        // Recovery: one resend at a time, lowest sequence first, once nothing else is in flight.
        if (s.inFlight.isEmpty() && now >= s.retryAtNanos) {
          if (s.newEpochPending) {
            s.epoch++;
            s.nextSequence = 0;
            s.newEpochPending = false;
          }
          ProducerBatch b = s.retries.pollFirst();
          b.raced = false;
          if (b.epoch != s.epoch) {
            b.epoch = s.epoch;
            b.baseSequence = s.nextSequence;
            s.nextSequence += b.records.size();
          }
          s.inFlight.add(b);
          ready.add(b);
        }
        continue;
      }
      if (s.newEpochPending) {
        if (!s.inFlight.isEmpty()) {
          continue; // let batches of the old epoch come back first; they will be resent in the new one
        }
        s.epoch++;
        s.nextSequence = 0;
        s.newEpochPending = false;
      }
      while (s.window.size() < maxInFlight && !s.queue.isEmpty()) {
        long queued = 0;
        for (PendingRecord r : s.queue) {
          queued += r.size();
          if (queued >= batchSize) {
            break;
          }
        }
        boolean full = queued >= batchSize;
        boolean lingered = now - s.queue.peekFirst().createdNanos() >= lingerNanos;
        if (!(full || lingered || flushing || closed)) {
          break;
        }
        List<PendingRecord> records = new ArrayList<>();
        long bytes = 0;
        while (!s.queue.isEmpty() && (records.isEmpty() || bytes + s.queue.peekFirst().size() <= batchSize)) {
          PendingRecord r = s.queue.pollFirst();
          records.add(r);
          bytes += r.size();
        }
        ProducerBatch batch = new ProducerBatch(e.getKey(), records, s.epoch, s.nextSequence);
        batch.raced = !s.window.isEmpty();
        s.nextSequence += records.size();
        s.inFlight.add(batch);
        s.window.addLast(batch);
        ready.add(batch);
      }
    }
    return ready;
  }

  /** The batch was written: release it. */
  void succeeded(ProducerBatch batch) {
    lock.lock();
    try {
      PartitionState s = partitions.get(batch.partition);
      s.inFlight.remove(batch);
      settle(s, batch);
      release(batch);
    } finally {
      lock.unlock();
    }
  }

  /** Resend the batch (same sequence, unless a new epoch began) after {@code delayNanos}. */
  void retryLater(ProducerBatch batch, long delayNanos) {
    lock.lock();
    try {
      PartitionState s = partitions.get(batch.partition);
      s.inFlight.remove(batch);
      s.retries.add(batch);
      s.retryAtNanos = Math.max(s.retryAtNanos, System.nanoTime() + delayNanos);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Whether an out-of-order answer for {@code batch} means only that an earlier batch has not landed yet:
   * some batch of the same epoch with a lower sequence is still in flight or waiting to be resent, or the
   * batch belongs to an epoch the producer has since left.
   */
  boolean earlierPending(ProducerBatch batch) {
    lock.lock();
    try {
      PartitionState s = partitions.get(batch.partition);
      if (batch.epoch != s.epoch || s.newEpochPending) {
        return true;
      }
      for (ProducerBatch b : s.inFlight) {
        if (b != batch && b.epoch == batch.epoch && b.baseSequence < batch.baseSequence) {
          return true;
        }
      }
      return s.retries.stream().anyMatch(b -> b.epoch == batch.epoch && b.baseSequence < batch.baseSequence);
    } finally {
      lock.unlock();
    }
  }

  /** The partition has no state for this producer: resend the batch (and those after it) in a new epoch. */
  void resendInNewEpoch(ProducerBatch batch) {
    lock.lock();
    try {
      PartitionState s = partitions.get(batch.partition);
      s.inFlight.remove(batch);
      s.newEpochPending = true;
      s.retries.add(batch);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The batch failed for good and nothing of it was written: later batches of the partition cannot have been
   * written either (their sequences follow it), so they are resent under a new epoch.
   */
  void failedDefinitely(ProducerBatch batch) {
    lock.lock();
    try {
      PartitionState s = partitions.get(batch.partition);
      s.inFlight.remove(batch);
      s.newEpochPending = true;
      settle(s, batch);
      release(batch);
    } finally {
      lock.unlock();
    }
  }

  /**
   * The batch's fate is unknown (it timed out): batches after it may or may not follow it into the log, so
   * those waiting to be resent fail too, and the partition starts a new epoch.
   *
   * @return the batches failed along with it
   */
  List<ProducerBatch> failedIndeterminately(ProducerBatch batch) {
    lock.lock();
    try {
      PartitionState s = partitions.get(batch.partition);
      s.inFlight.remove(batch);
      s.newEpochPending = true;
      settle(s, batch);
      release(batch);
      List<ProducerBatch> also = new ArrayList<>(s.retries);
      s.retries.clear();
      also.forEach(b -> {
        settle(s, b);
        release(b);
      });
      return also;
    } finally {
      lock.unlock();
    }
  }

  /** Marks a batch settled and drops settled batches from the front of the window. */
  private static void settle(PartitionState s, ProducerBatch batch) {
    batch.settled = true;
    while (!s.window.isEmpty() && s.window.peekFirst().settled) {
      s.window.pollFirst();
    }
  }

  private void release(ProducerBatch batch) {
    usedBytes -= batch.bytes;
    incomplete -= batch.records.size();
    spaceFreed.signalAll();
    changed.signalAll();
  }

  /** The partition's send state, for log lines. */
  String describe(TopicPartition tp) {
    lock.lock();
    try {
      PartitionState s = partitions.get(tp);
      return "epoch " + s.epoch + (s.newEpochPending ? " (new epoch pending)" : "") + ", next sequence "
          + s.nextSequence + ", in flight " + s.inFlight.stream().map(b -> b.epoch + ":" + b.baseSequence).toList()
          + ", to resend " + s.retries.stream().map(b -> b.epoch + ":" + b.baseSequence).toList();
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
        s.retries.forEach(b -> out.addAll(b.records));
        s.retries.clear();
      }
      return out;
    } finally {
      lock.unlock();
    }
  }
}
