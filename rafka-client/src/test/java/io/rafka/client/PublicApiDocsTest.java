package io.rafka.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public client type has javadoc, and so does every public method of the admin API: a user reads the
 * API from its javadoc. Scans the sources (the working directory is the module's).
 */
class PublicApiDocsTest {
  private static final Path SOURCES = Path.of("src/main/java/io/rafka");
  private static final Pattern PUBLIC_TYPE =
      Pattern.compile("^\\s*public (static |final |abstract |sealed )*(class|record|interface|enum) \\w+");
  private static final Pattern PUBLIC_METHOD =
      Pattern.compile("^\\s+public (static |final |synchronized )*(<[^>]+> )?[\\w.<>\\[\\], ?]+ \\w+\\(");

  private static List<Path> sources(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  /** Whether the declaration at {@code line} has a javadoc comment right above it (annotations aside). */
  private static boolean documented(List<String> lines, int line) {
    int i = line - 1;
    while (i >= 0 && lines.get(i).strip().startsWith("@")) {
      i--;
    }
    return i >= 0 && lines.get(i).strip().endsWith("*/");
  }

  private static boolean overrides(List<String> lines, int line) {
    for (int i = line - 1; i >= 0 && lines.get(i).strip().startsWith("@"); i--) {
      if (lines.get(i).strip().startsWith("@Override")) {
        return true;
      }
    }
    return false;
  }

  private static List<String> undocumented(Path root, Pattern declaration) throws IOException {
    List<String> missing = new ArrayList<>();
    for (Path file : sources(root)) {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        if (declaration.matcher(lines.get(i)).find() && !overrides(lines, i) && !documented(lines, i)) {
          missing.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
        }
      }
    }
    return missing;
  }

  @Test
  void everyPublicTypeHasJavadoc() throws IOException {
    assertFalse(sources(SOURCES).isEmpty(), "no sources under " + SOURCES.toAbsolutePath());
    assertEquals(List.of(), undocumented(SOURCES, PUBLIC_TYPE));
  }

  @Test
  void everyPublicAdminMethodHasJavadoc() throws IOException {
    assertEquals(List.of(), undocumented(SOURCES.resolve("client/admin"), PUBLIC_METHOD));
  }
}
