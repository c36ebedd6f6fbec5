package io.rafka.chaos.check;

import io.rafka.chaos.history.EventType;
import io.rafka.chaos.history.HistoryEvent;

/**
 * An invoke and the event that completed it, or {@code null} if the history ended first: then, as with
 * {@code info}, nobody knows whether it happened. Immutable.
 */
record Operation(HistoryEvent invoke, HistoryEvent completion) {
  /** The outcome: the completion's type, {@link EventType#INFO} if there is none. */
  EventType outcome() {
    return completion == null ? EventType.INFO : completion.type();
  }

  boolean isOk() {
    return outcome() == EventType.OK;
  }

  int partition() {
    return invoke.partition();
  }

  /** The offset a produce was acknowledged at or a commit committed (the ok's, else the invoke's). */
  long offset() {
    return completion != null && completion.offset() != HistoryEvent.NONE ? completion.offset() : invoke.offset();
  }

  /** When the operation completed; {@code Long.MAX_VALUE} if it never did. */
  long completionTime() {
    return completion == null ? Long.MAX_VALUE : completion.time();
  }

  /** The consumer group of a commit or read, from whichever event names it. */
  String group() {
    return invoke.group() != null || completion == null ? invoke.group() : completion.group();
  }

  /** "producer-1 [120..135]": who did it and when, for anomaly examples. */
  String describe() {
    return invoke.process() + " [" + invoke.time() + ".." + (completion == null ? "?" : completion.time()) + "]";
  }
}
