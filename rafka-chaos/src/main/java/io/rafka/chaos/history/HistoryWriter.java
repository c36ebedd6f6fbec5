package io.rafka.chaos.history;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends events to a history file, one JSON object per line. Thread-safe: the harness's client threads and
 * its nemesis share one writer, and each line is written whole and flushed before {@link #append} returns, so
 * a harness that dies mid-run leaves a history of every event it recorded.
 */
public final class HistoryWriter implements AutoCloseable {
  private final BufferedWriter out;

  private HistoryWriter(BufferedWriter out) {
    this.out = out;
  }

  /** A writer to a new file {@code file}; fails if it exists, so two runs never mix in one history. */
  public static HistoryWriter create(Path file) throws IOException {
    return new HistoryWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE));
  }

  /** Writes {@code event} as one line and flushes it. */
  public synchronized void append(HistoryEvent event) throws IOException {
    out.write(HistoryJson.toLine(event));
    out.newLine();
    out.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
