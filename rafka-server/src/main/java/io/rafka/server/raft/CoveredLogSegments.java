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
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.server.raftlog.segmented.LogSegment;
import org.apache.ratis.server.raftlog.segmented.LogSegmentPath;
import org.apache.ratis.util.SizeInBytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes, before the Raft server starts, each partition group's closed Raft log segments that its latest
 * complete snapshot already covers. Ratis purges these itself once a snapshot is taken, but a replica that
 * installed a snapshot from its leader and was killed before the purge keeps older segments, with a hole
 * between them and the entries after the snapshot; Ratis 3.3.0 then refuses to load the log ("Found a gap
 * between logs") and the node cannot start (found by the chaos soak after a kill of every node). Entries up to
 * a snapshot's index are committed and applied, and the snapshot holds their effect, so removing the segments
 * is exactly the purge Ratis would have done.
 *
 * <p>The segment being written is removed too when every entry it holds is at or below the snapshot: a replica
 * whose log lost a tail after it took a snapshot (found by the chaos soak, cutting a stopped follower's newest
 * segment short) otherwise has a log ending below its own snapshot, and Ratis never appends to it again. The
 * entries are counted with Ratis's own reader; a segment it cannot read is left to Ratis. Stateless.
 */
final class CoveredLogSegments {
  private static final Logger LOG = LoggerFactory.getLogger(CoveredLogSegments.class);
  private static final Pattern CLOSED_SEGMENT = Pattern.compile("log_(\\d+)-(\\d+)");
  private static final Pattern OPEN_SEGMENT = Pattern.compile("log_inprogress_(\\d+)");
  /** Larger than any entry Rafka writes (message.max.bytes is at most 64 MiB); only bounds the reader. */
  private static final SizeInBytes MAX_ENTRY = SizeInBytes.valueOf("96MB");
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
            Matcher closed = CLOSED_SEGMENT.matcher(segment.getFileName().toString());
            Matcher open = OPEN_SEGMENT.matcher(segment.getFileName().toString());
            boolean coveredSegment = closed.matches() && Long.parseLong(closed.group(2)) <= covered.getAsLong()
                || open.matches() && Long.parseLong(open.group(1)) <= covered.getAsLong()
                    && lastIndexOfOpen(segment, Long.parseLong(open.group(1))).stream()
                        .anyMatch(last -> last <= covered.getAsLong());
            if (coveredSegment) {
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

  /** The index of the last whole entry of an open segment starting at {@code start}; empty if unreadable. */
  private static OptionalLong lastIndexOfOpen(Path segment, long start) {
    try {
      LogSegmentPath path = LogSegmentPath.matchLogSegment(segment);
      if (path == null) {
        return OptionalLong.empty();
      }
      int entries = LogSegment.readSegmentFile(segment.toFile(), path.getStartEnd(), MAX_ENTRY,
          RaftServerConfigKeys.Log.CorruptionPolicy.EXCEPTION, null, null);
      return OptionalLong.of(start + entries - 1);
    } catch (IOException | RuntimeException e) {
      LOG.info("left {} to Ratis: cannot count its entries ({})", segment, e.toString());
      return OptionalLong.empty();
    }
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
