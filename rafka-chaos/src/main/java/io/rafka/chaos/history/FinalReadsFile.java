package io.rafka.chaos.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Stores the final reads of a run next to its history, one JSON object per partition and replica, so that the
 * checker can be run again on a finished run. Stateless and thread-safe.
 */
public final class FinalReadsFile {
  private FinalReadsFile() {}

  /** Writes {@code reads} to a new file {@code file}; fails if it exists. */
  public static void write(Path file, FinalReads reads) throws IOException {
    List<String> lines = reads.all().stream().map(HistoryJson::toLine).toList();
    Files.write(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  /** The final reads in {@code file}; a {@link MalformedHistoryException} names a bad line. */
  public static FinalReads read(Path file) throws IOException {
    return new FinalReads(JsonLines.read(file, HistoryJson::finalReadFrom));
  }
}
