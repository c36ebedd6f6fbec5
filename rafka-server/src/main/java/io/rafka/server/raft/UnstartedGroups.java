package io.rafka.server.raft;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.ratis.util.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes, before the Raft server starts, the directories of partition groups that never started: Ratis
 * formats a group's directory before it initializes the state machine, and the state machine records which
 * partition the group is (sm/identity) before the group serves anything, so a node killed in between (found by
 * the chaos suite: a follower killed while its replicas were being created) leaves a directory with no identity,
 * no snapshot and no log, which the node could not start with. Such a replica never voted nor acknowledged an
 * entry, so removing it loses nothing; the node's reconciler starts it again from metadata and its leader
 * catches it up. A directory holding a log segment or a snapshot is left alone. Stateless.
 */
final class UnstartedGroups {
  private static final Logger LOG = LoggerFactory.getLogger(UnstartedGroups.class);

  private UnstartedGroups() {}

  /** Cleans {@code raftDir} (Ratis's storage root) of group directories that never started; returns them. */
  static List<Path> remove(Path raftDir, String metadataGroupDir) throws IOException {
    List<Path> removed = new ArrayList<>();
    if (!Files.isDirectory(raftDir)) {
      return removed;
    }
    try (Stream<Path> groups = Files.list(raftDir)) {
      for (Path group : groups.filter(Files::isDirectory).toList()) {
        if (group.getFileName().toString().equals(metadataGroupDir) || started(group)) {
          continue;
        }
        LOG.warn("removing Raft group directory {}: the node stopped before the group started (no partition "
            + "identity, snapshot or log); it is created again from metadata", group);
        FileUtils.deleteFully(group);
        removed.add(group);
      }
    }
    return removed;
  }

  private static boolean started(Path group) throws IOException {
    Path sm = group.resolve("sm");
    if (Files.exists(sm.resolve("identity"))) {
      return true;
    }
    if (Files.isDirectory(sm)) {
      try (Stream<Path> files = Files.list(sm)) {
        if (files.anyMatch(f -> f.getFileName().toString().startsWith("snapshot"))) {
          return true;
        }
      }
    }
    Path current = group.resolve("current");
    if (Files.isDirectory(current)) {
      try (Stream<Path> files = Files.list(current)) {
        return files.anyMatch(f -> f.getFileName().toString().startsWith("log_"));
      }
    }
    return false;
  }
}
