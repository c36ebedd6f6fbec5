package io.rafka.chaos.history;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a history file written by {@link HistoryWriter}. Stateless and thread-safe.
 *
 * <p>Absent number fields read as {@link HistoryEvent#NONE}, absent strings as {@code null}. Blank lines are
 * skipped; any other line that is not a valid event stops the read with a {@link MalformedHistoryException}
 * naming it, since a checker that skipped bad lines could pass a run it never saw.
 */
public final class HistoryReader {
  private HistoryReader() {}

  /** Every event in {@code file}, in file order. */
  public static List<HistoryEvent> read(Path file) throws IOException {
    return JsonLines.read(file, HistoryJson::eventFrom);
  }
}
