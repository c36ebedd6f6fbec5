package io.rafka.chaos.run;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout the tests run in: the directory above this module, with bin/rafka-server.sh and a built server. */
final class RepoRoot {
  private RepoRoot() {}

  static Path find() {
    Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
    if (!Files.isExecutable(root.resolve("bin/rafka-server.sh"))
        || !Files.exists(root.resolve("rafka-server/target/rafka-server.jar"))) {
      throw new IllegalStateException("no built Rafka checkout at " + root + " (run the build from the root)");
    }
    return root;
  }
}
