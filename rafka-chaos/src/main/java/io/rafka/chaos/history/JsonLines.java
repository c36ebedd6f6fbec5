package io.rafka.chaos.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a file of one JSON object per line, turning each non-blank line into an item and any bad line into a
 * {@link MalformedHistoryException} that names it. Stateless and thread-safe.
 */
final class JsonLines {
  private JsonLines() {}

  static <T> List<T> read(Path file, Function<String, T> parser) throws IOException {
    List<T> items = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int lineNumber = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        try {
          items.add(parser.apply(line));
        } catch (IllegalArgumentException e) {
          throw new MalformedHistoryException(file, lineNumber, line, e);
        }
      }
    }
    return items;
  }
}
