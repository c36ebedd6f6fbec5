package io.rafka.chaos.workload;

import io.rafka.chaos.history.HistoryEvent;
import io.rafka.chaos.history.HistoryWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.LongFunction;

/**
 * A history file with the run's clock: every worker stamps its events with milliseconds since the run
 * started, taken at the moment it appends. The clock is the wall clock because group members run in their
 * own JVMs and write their own files, merged at the end. Thread-safe.
 */
public final class History implements AutoCloseable {
  private final HistoryWriter writer;
  private final long startEpochMillis;

  public History(HistoryWriter writer, long startEpochMillis) {
    this.writer = writer;
    this.startEpochMillis = startEpochMillis;
  }

  /** Milliseconds since the run started. */
  public long now() {
    return Math.max(0, System.currentTimeMillis() - startEpochMillis);
  }

  /** Appends the event built for the current time. */
  public void record(LongFunction<HistoryEvent> event) {
    try {
      writer.append(event.apply(now()));
    } catch (IOException e) {
      // A history that silently lost a line could hide an anomaly: stop the run instead.
      throw new UncheckedIOException("writing the history failed", e);
    }
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
