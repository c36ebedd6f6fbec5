package io.rafka.server.raft;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes, before the Raft server starts, each partition group's closed Raft log segments that its latest
 * complete snapshot already covers. Ratis purges these itself once a snapshot is taken, but a replica that
 * installed a snapshot from its leader and was killed before the purge keeps older segments, with a hole
 * between them and the entries after the snapshot; Ratis 3.3.0 then refuses to load the log ("Found a gap
 * between logs") and the node cannot start (found by the chaos soak after a kill of every node). Entries up to
 * a snapshot's index are committed and applied, and the snapshot holds their effect, so removing the segments
 * is exactly the purge Ratis would have done. Stateless.
 */
final class CoveredLogSegments {
  private static final Logger LOG = LoggerFactory.getLogger(CoveredLogSegments.class);
  private static final Pattern CLOSED_SEGMENT = Pattern.compile("log_(\\d+)-(\\d+)");
  private static final Pattern SNAPSHOT_DIR = Pattern.compile("snapshot\\.(\\d+)_(\\d+)");

  private CoveredLogSegments() {}

  /** Cleans every group under {@code raftDir} (Ratis's storage root); returns the segments removed. */
  static List<Path> remove(Path raftDir) throws IOException {
    List<Path> removed = new ArrayList<>();
    if (!Files.isDirectory(raftDir)) {
      return removed;
    }
    try (Stream<Path> groups = Files.list(raftDir)) {
      for (Path group : groups.filter(Files::isDirectory).toList()) {
        OptionalLong covered = latestCompleteSnapshotIndex(group.resolve("sm"));
        Path current = group.resolve("current");
        if (covered.isEmpty() || !Files.isDirectory(current)) {
          continue;
        }
        List<Path> fromGroup = new ArrayList<>();
        try (Stream<Path> files = Files.list(current)) {
          for (Path segment : files.toList()) {
            Matcher m = CLOSED_SEGMENT.matcher(segment.getFileName().toString());
            if (m.matches() && Long.parseLong(m.group(2)) <= covered.getAsLong()) {
              Files.delete(segment);
              fromGroup.add(segment);
            }
          }
        }
        if (!fromGroup.isEmpty()) {
          LOG.info("removed Raft log segments covered by the snapshot at index {} of group {}: {}",
              covered.getAsLong(), group.getFileName(), fromGroup.stream().map(Path::getFileName).toList());
        }
        removed.addAll(fromGroup);
      }
    }
    return removed;
  }

  /** The index of the newest snapshot with a manifest (a partition snapshot is complete once it has one). */
  private static OptionalLong latestCompleteSnapshotIndex(Path smDir) throws IOException {
    if (!Files.isDirectory(smDir)) {
      return OptionalLong.empty();
    }
    try (Stream<Path> dirs = Files.list(smDir)) {
      return dirs.filter(d -> Files.exists(d.resolve(PartitionSnapshotStorage.MANIFEST)))
          .map(d -> SNAPSHOT_DIR.matcher(d.getFileName().toString()))
          .filter(Matcher::matches)
          .mapToLong(m -> Long.parseLong(m.group(2)))
          .max();
    }
  }
}
