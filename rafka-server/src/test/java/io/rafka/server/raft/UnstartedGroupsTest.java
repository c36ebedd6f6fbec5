package io.rafka.server.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only group directories that never started (no identity, snapshot or log) go before Ratis starts. */
class UnstartedGroupsTest {
  @TempDir
  Path raft;

  @Test
  void removesOnlyGroupsThatNeverStarted() throws IOException {
    Path unstarted = group("unstarted");
    Path identified = group("identified");
    Files.writeString(identified.resolve("sm/identity"), "partition");
    Path logged = group("logged");
    Files.writeString(logged.resolve("current/log_inprogress_0"), "RaftLog1");
    Path snapshotted = group("snapshotted");
    Files.createDirectories(snapshotted.resolve("sm/snapshot.1_10"));
    Path metadata = group("metadata-uuid");

    assertEquals(List.of(unstarted), UnstartedGroups.remove(raft, "metadata-uuid"));
    assertEquals(List.of("identified", "logged", "metadata-uuid", "snapshotted"), dirs());
  }

  private Path group(String name) throws IOException {
    Path group = raft.resolve(name);
    Files.createDirectories(group.resolve("current"));
    Files.createDirectories(group.resolve("sm"));
    Files.writeString(group.resolve("current/raft-meta"), "term=0");
    return group;
  }

  private List<String> dirs() throws IOException {
    try (Stream<Path> s = Files.list(raft)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
