package io.rafka.chaos.history;

import java.util.List;
import java.util.Objects;

/**
 * One line of a chaos run's history: a process invoking an operation or learning its outcome, or the nemesis
 * starting or ending a fault. Immutable and thread-safe.
 *
 * <p>Fields that do not apply hold {@link #NONE} (numbers) or {@code null} (strings), so that every event has
 * the same shape in a file and in code. Completions repeat the fields of their invoke that identify the
 * operation (process, f, partition, and the value of a produce or the fault of a nemesis event), which keeps
 * each line readable on its own.
 *
 * @param time milliseconds since the run started
 * @param process who did it: "producer-1", "reader-2", "group-member-3", "nemesis"
 * @param type invoke, or the outcome: ok, fail (certainly did not happen), info (may have happened)
 * @param f what was done: produce, read, commit, fault
 * @param partition the partition, {@link #NONE} for faults
 * @param value the unique value a produce writes
 * @param offset a produce's acknowledged offset, a read invoke's start position ({@link #NONE} to continue
 *     where the reader's previous read ended), or a commit's offset (the next record to read)
 * @param reads the records a successful read returned, in order; empty otherwise
 * @param group the consumer group of a commit or group read
 * @param member the group member of a commit or group read
 * @param node the node that served a read
 * @param error why an operation failed or is indeterminate
 * @param fault what the nemesis did, e.g. "partition {1} {2,3}"; an invoke starts it, an ok ends it
 */
public record HistoryEvent(
    long time,
    String process,
    EventType type,
    OperationKind f,
    int partition,
    String value,
    long offset,
    List<OffsetValue> reads,
    String group,
    String member,
    int node,
    String error,
    String fault) {

  /** The value of a number field that does not apply to an event. */
  public static final int NONE = -1;
  /** The process name of fault events. */
  public static final String NEMESIS = "nemesis";

  public HistoryEvent {
    if (time < 0) {
      throw new IllegalArgumentException("time must be >= 0, got " + time);
    }
    Objects.requireNonNull(process, "process");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(f, "f");
    requireNoneOrMore("partition", partition);
    requireNoneOrMore("offset", offset);
    requireNoneOrMore("node", node);
    reads = reads == null ? List.of() : List.copyOf(reads);
  }

  /** A producer starts writing {@code value} to {@code partition}. */
  public static HistoryEvent produce(long time, String process, int partition, String value) {
    return new HistoryEvent(time, process, EventType.INVOKE, OperationKind.PRODUCE, partition, value, NONE,
        null, null, null, NONE, null, null);
  }

  /** The cluster acknowledged {@code value} at {@code offset}. */
  public static HistoryEvent produceOk(long time, String process, int partition, String value, long offset) {
    return new HistoryEvent(time, process, EventType.OK, OperationKind.PRODUCE, partition, value, offset,
        null, null, null, NONE, null, null);
  }

  /** The write of {@code value} certainly did not happen: it must never be read. */
  public static HistoryEvent produceFail(long time, String process, int partition, String value, String error) {
    return new HistoryEvent(time, process, EventType.FAIL, OperationKind.PRODUCE, partition, value, NONE,
        null, null, null, NONE, error, null);
  }

  /** The write of {@code value} may or may not have happened (a timeout, a lost connection). */
  public static HistoryEvent produceInfo(long time, String process, int partition, String value, String error) {
    return new HistoryEvent(time, process, EventType.INFO, OperationKind.PRODUCE, partition, value, NONE,
        null, null, null, NONE, error, null);
  }

  /**
   * A reader starts a read of {@code partition} at {@code fromOffset} (a seek), or where its previous read of
   * that partition ended if {@code fromOffset} is {@link #NONE}.
   */
  public static HistoryEvent read(long time, String process, int partition, long fromOffset) {
    return new HistoryEvent(time, process, EventType.INVOKE, OperationKind.READ, partition, null, fromOffset,
        null, null, null, NONE, null, null);
  }

  /** Node {@code node} returned {@code records} (possibly none) to a read. */
  public static HistoryEvent readOk(long time, String process, int partition, int node, List<OffsetValue> records) {
    return new HistoryEvent(time, process, EventType.OK, OperationKind.READ, partition, null, NONE,
        records, null, null, node, null, null);
  }

  /** A read returned nothing because of {@code error}. */
  public static HistoryEvent readFail(long time, String process, int partition, String error) {
    return new HistoryEvent(time, process, EventType.FAIL, OperationKind.READ, partition, null, NONE,
        null, null, null, NONE, error, null);
  }

  /** A group member starts committing {@code offset}, the next record its group should read. */
  public static HistoryEvent commit(long time, String process, String group, String member, int partition,
      long offset) {
    return new HistoryEvent(time, process, EventType.INVOKE, OperationKind.COMMIT, partition, null, offset,
        null, group, member, NONE, null, null);
  }

  /** The group coordinator stored the commit of {@code offset}. */
  public static HistoryEvent commitOk(long time, String process, String group, String member, int partition,
      long offset) {
    return new HistoryEvent(time, process, EventType.OK, OperationKind.COMMIT, partition, null, offset,
        null, group, member, NONE, null, null);
  }

  /** The commit of {@code offset} failed with {@code error}. */
  public static HistoryEvent commitFail(long time, String process, String group, String member, int partition,
      long offset, String error) {
    return new HistoryEvent(time, process, EventType.FAIL, OperationKind.COMMIT, partition, null, offset,
        null, group, member, NONE, error, null);
  }

  /** The nemesis starts {@code fault}. */
  public static HistoryEvent faultStart(long time, String fault) {
    return new HistoryEvent(time, NEMESIS, EventType.INVOKE, OperationKind.FAULT, NONE, null, NONE,
        null, null, null, NONE, null, fault);
  }

  /** The nemesis healed {@code fault}; the text must equal that of its start. */
  public static HistoryEvent faultEnd(long time, String fault) {
    return new HistoryEvent(time, NEMESIS, EventType.OK, OperationKind.FAULT, NONE, null, NONE,
        null, null, null, NONE, null, fault);
  }

  /** This event made by member {@code member} of consumer group {@code group}: how group reads are recorded. */
  public HistoryEvent inGroup(String group, String member) {
    return new HistoryEvent(time, process, type, f, partition, value, offset, reads, group, member, node, error,
        fault);
  }

  private static void requireNoneOrMore(String field, long number) {
    if (number < NONE) {
      throw new IllegalArgumentException(field + " must be >= " + NONE + " (" + NONE + " = none), got " + number);
    }
  }
}
