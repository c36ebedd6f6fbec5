package io.rafka.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rafka.common.config.ConfigKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shipped config files agree with the declared keys: every file parses, and nothing is undocumented. */
class ConfigFilesTest {
  private static final Path CONF = Path.of("..", "conf").toAbsolutePath().normalize();
  private static final Pattern KEY_LINE = Pattern.compile("^#?\\s*([a-z][a-z0-9._-]*)\\s*=.*$");

  @Test
  void everyShippedConfigParses() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(CONF)) {
      s.filter(p -> p.toString().endsWith(".properties")).forEach(files::add);
    }
    assertTrue(files.size() >= 4, "expected server.properties and the cluster configs in " + CONF);
    for (Path f : files) {
      ServerConfig config = ServerConfig.load(f);
      assertTrue(config.nodeId() >= 1, f.toString());
    }
  }

  @Test
  void serverPropertiesDocumentsEveryDeclaredKeyWithItsDefault() throws IOException {
    List<String> lines = Files.readAllLines(CONF.resolve("server.properties"));
    for (ConfigKey<?> key : ServerConfig.DEF.keys()) {
      int at = -1;
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = KEY_LINE.matcher(lines.get(i));
        if (m.matches() && m.group(1).equals(key.name())) {
          at = i;
        }
      }
      assertTrue(at >= 0, "conf/server.properties does not mention " + key.name());
      assertTrue(at > 0 && lines.get(at - 1).startsWith("#") && !KEY_LINE.matcher(lines.get(at - 1)).matches()
              || lines.get(at).startsWith("#"),
          "key " + key.name() + " has no comment line explaining it");
      String line = lines.get(at);
      if (line.startsWith("#") && key.hasDefault()) {
        String shown = line.substring(line.indexOf('=') + 1).trim();
        assertEquals(key.defaultValue(), shown.isEmpty() ? "" : key.parse(shown),
            "conf/server.properties shows a default for " + key.name() + " that is not the declared one");
      }
    }
  }

  @Test
  void everyKeyInServerPropertiesIsDeclared() throws IOException {
    for (String line : Files.readAllLines(CONF.resolve("server.properties"))) {
      Matcher m = KEY_LINE.matcher(line);
      if (m.matches()) {
        assertTrue(ServerConfig.DEF.contains(m.group(1)), "undeclared key in server.properties: " + m.group(1));
      }
    }
  }
}
