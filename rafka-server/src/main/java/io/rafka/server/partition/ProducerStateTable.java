package io.rafka.server.partition;

import io.rafka.proto.ErrorCode;
import io.rafka.proto.internal.ProducerBatchEntry;
import io.rafka.proto.internal.ProducerStateEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The idempotence table of one partition: for every producer id, its epoch and its last few batches
 * (sequence range, base offset). It is part of the partition's replicated state (changed only by applying
 * committed entries, so every replica holds the same table) and of its snapshot. Ratis's own retry cache is
 * in memory and expires, so it cannot stand in for this.
 *
 * <p>Not thread-safe: owned by the partition's apply thread.
 */
public final class ProducerStateTable {
  /** How many recent batches per producer a retry can be matched against (as in Kafka). */
  public static final int BATCHES_PER_PRODUCER = 5;

  private final Map<Long, Producer> producers = new HashMap<>();

  /** What to do with an incoming idempotent batch. */
  public sealed interface Check permits Append, Duplicate, Refuse {}

  /** A new batch: write it. */
  public record Append() implements Check {}

  /** A retry of a batch already written: answer with its original offsets. */
  public record Duplicate(long baseOffset, long appendTimeMs) implements Check {}

  /** A batch that must not be written. */
  public record Refuse(ErrorCode code, String message) implements Check {}

  private static final Append APPEND = new Append();

  /**
   * Checks a batch from {@code producerId} against the table. A producer the table does not know, and a new
   * epoch, must start at sequence 0: otherwise a batch that overtook the producer's first one on its way into
   * the log would be taken as the start, and the first one refused.
   */
  public Check check(long producerId, int epoch, int baseSequence, int recordCount) {
    Producer p = producers.get(producerId);
    if (p == null) {
      return baseSequence == 0 ? APPEND : new Refuse(ErrorCode.UNKNOWN_PRODUCER_ID, "partition has no state for "
          + "producer " + producerId + " (new, or expired) and its batch starts at sequence " + baseSequence
          + ", not 0");
    }
    if (epoch < p.epoch) {
      return new Refuse(ErrorCode.INVALID_PRODUCER_EPOCH, "producer " + producerId + " epoch " + epoch
          + " is older than the current epoch " + p.epoch + "; a newer producer fenced it");
    }
    if (epoch > p.epoch) {
      return baseSequence == 0 ? APPEND : new Refuse(ErrorCode.OUT_OF_ORDER_SEQUENCE, "producer "
          + producerId + " started epoch " + epoch + " at sequence " + baseSequence + " instead of 0");
    }
    int lastSequence = lastSequenceOf(baseSequence, recordCount);
    for (BatchRef b : p.batches) {
      if (b.firstSequence == baseSequence && b.lastSequence == lastSequence) {
        return new Duplicate(b.baseOffset, b.appendTimeMs);
      }
    }
    int expected = nextSequence(p.batches.getLast().lastSequence);
    if (baseSequence == expected) {
      return APPEND;
    }
    return new Refuse(ErrorCode.OUT_OF_ORDER_SEQUENCE, "producer " + producerId + " epoch " + epoch
        + " sent sequence " + baseSequence + " but the partition expects " + expected);
  }

  /** Records a batch that was just appended at {@code baseOffset}. */
  public void record(long producerId, int epoch, int baseSequence, int recordCount, long baseOffset,
      long appendTimeMs) {
    Producer p = producers.get(producerId);
    if (p == null || epoch > p.epoch) {
      p = new Producer(epoch);
      producers.put(producerId, p);
    }
    p.batches.addLast(new BatchRef(baseSequence, lastSequenceOf(baseSequence, recordCount), baseOffset,
        appendTimeMs));
    while (p.batches.size() > BATCHES_PER_PRODUCER) {
      p.batches.removeFirst();
    }
    p.lastAppendTimeMs = appendTimeMs;
  }

  /**
   * Forgets producers whose last write is older than {@code cutoffMs} by the log's own clock (append times
   * from the leader), so every replica forgets the same ones.
   */
  public int expire(long cutoffMs) {
    int removed = 0;
    for (Iterator<Producer> it = producers.values().iterator(); it.hasNext(); ) {
      if (it.next().lastAppendTimeMs < cutoffMs) {
        it.remove();
        removed++;
      }
    }
    return removed;
  }

  public int size() {
    return producers.size();
  }

  /** The table in snapshot form, ordered by producer id so that equal tables give equal bytes. */
  public List<ProducerStateEntry> toSnapshot() {
    List<ProducerStateEntry> out = new ArrayList<>(producers.size());
    producers.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      ProducerStateEntry.Builder b = ProducerStateEntry.newBuilder().setProducerId(e.getKey())
          .setProducerEpoch(e.getValue().epoch).setLastAppendTimeMs(e.getValue().lastAppendTimeMs);
      e.getValue().batches.forEach(r -> b.addBatches(ProducerBatchEntry.newBuilder()
          .setFirstSequence(r.firstSequence).setLastSequence(r.lastSequence).setBaseOffset(r.baseOffset)
          .setAppendTimeMs(r.appendTimeMs)));
      out.add(b.build());
    });
    return out;
  }

  /** Replaces the table with a snapshot's. */
  public void loadSnapshot(Collection<ProducerStateEntry> entries) {
    producers.clear();
    for (ProducerStateEntry e : entries) {
      Producer p = new Producer(e.getProducerEpoch());
      p.lastAppendTimeMs = e.getLastAppendTimeMs();
      e.getBatchesList().forEach(b -> p.batches.addLast(new BatchRef(b.getFirstSequence(),
          b.getLastSequence(), b.getBaseOffset(), b.getAppendTimeMs())));
      if (!p.batches.isEmpty()) {
        producers.put(e.getProducerId(), p);
      }
    }
  }

  /** Sequences wrap from Integer.MAX_VALUE to 0, as in Kafka. */
  static int lastSequenceOf(int baseSequence, int recordCount) {
    long last = (long) baseSequence + recordCount - 1;
    return (int) (last % ((long) Integer.MAX_VALUE + 1));
  }

  static int nextSequence(int sequence) {
    return sequence == Integer.MAX_VALUE ? 0 : sequence + 1;
  }

  private static final class Producer {
    final int epoch;
    final Deque<BatchRef> batches = new ArrayDeque<>(BATCHES_PER_PRODUCER + 1);
    long lastAppendTimeMs;

    Producer(int epoch) {
      this.epoch = epoch;
    }
  }

  private record BatchRef(int firstSequence, int lastSequence, long baseOffset, long appendTimeMs) {}
}
