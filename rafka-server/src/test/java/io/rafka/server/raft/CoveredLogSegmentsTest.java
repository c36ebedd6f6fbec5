package io.rafka.server.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Segments a complete snapshot covers go before Ratis loads the log; nothing else does. */
class CoveredLogSegmentsTest {
  @TempDir
  Path raft;

  @Test
  void segmentsEndingAtOrBelowTheLatestCompleteSnapshotAreRemoved() throws IOException {
    Path group = group("g1", "log_0-50", "log_51-100", "log_101-120", "log_inprogress_121");
    snapshot(group, "snapshot.3_60", true);
    snapshot(group, "snapshot.4_100", true);
    snapshot(group, "snapshot.4_110", false); // no manifest: incomplete, covers nothing

    assertEquals(2, CoveredLogSegments.remove(raft).size());
    assertEquals(List.of("log_101-120", "log_inprogress_121"), files(group));
  }

  @Test
  void aGroupWithoutACompleteSnapshotKeepsItsWholeLog() throws IOException {
    Path group = group("g2", "log_0-50", "log_inprogress_51");
    snapshot(group, "snapshot.1_70", false);
    Path metadataLike = group("g3", "log_0-10", "log_inprogress_11");
    Files.writeString(metadataLike.resolve("sm").resolve("snapshot.1_20"), "a snapshot file, not a directory");

    assertEquals(List.of(), CoveredLogSegments.remove(raft));
    assertEquals(List.of("log_0-50", "log_inprogress_51"), files(group));
    assertEquals(List.of("log_0-10", "log_inprogress_11"), files(metadataLike));
  }

  private Path group(String name, String... segments) throws IOException {
    Path group = raft.resolve(name);
    Files.createDirectories(group.resolve("current"));
    Files.createDirectories(group.resolve("sm"));
    for (String s : segments) {
      Files.writeString(group.resolve("current").resolve(s), "entries");
    }
    return group;
  }

  private static void snapshot(Path group, String name, boolean complete) throws IOException {
    Path dir = Files.createDirectories(group.resolve("sm").resolve(name));
    if (complete) {
      Files.writeString(dir.resolve(PartitionSnapshotStorage.MANIFEST), "manifest");
    }
  }

  private static List<String> files(Path group) throws IOException {
    try (Stream<Path> s = Files.list(group.resolve("current"))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
