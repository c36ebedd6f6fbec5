package io.rafka.chaos.history;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A line of a history or final-reads file that is not a valid event or final read. The message names the
 * file, the line number and what is wrong, and quotes the start of the line, so a harness bug can be found
 * from the message alone. Immutable.
 */
public final class MalformedHistoryException extends IOException {
  private static final int QUOTED_CHARS = 200;

  private final int lineNumber;

  MalformedHistoryException(Path file, int lineNumber, String line, IllegalArgumentException problem) {
    super(file + " line " + lineNumber + ": " + problem.getMessage() + ": " + quote(line), problem);
    this.lineNumber = lineNumber;
  }

  /** The number of the bad line, counting from 1. */
  public int lineNumber() {
    return lineNumber;
  }

  private static String quote(String line) {
    return line.length() <= QUOTED_CHARS ? line : line.substring(0, QUOTED_CHARS) + "...";
  }
}
