package io.rafka.chaos.cluster;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds a Raft group's log segments in a stopped node's data dir, for faults that damage them. Knows Ratis's
 * layout only as far as the file names: {@code <data>/raft/<group uuid>/current/log_inprogress_<first index>}
 * for the segment being written, {@code log_<first>-<last>} for closed ones. Stateless.
 */
public final class RaftLogFiles {
  /** Bytes of the header ("RaftLog1") every Ratis segment file starts with. */
  public static final int SEGMENT_HEADER_BYTES = 8;
  private static final String OPEN_PREFIX = "log_inprogress_";

  private RaftLogFiles() {}

  /**
   * The segment being written of the group {@code groupId} (its uuid, as the admin API names it, or Ratis's
   * short form {@code group-144E27C18D28}, the uuid's last 12 hex digits), if it has one.
   */
  public static Optional<Path> openSegment(Path dataDir, String groupId) throws IOException {
    Optional<Path> group = groupDir(dataDir, groupId);
    if (group.isEmpty()) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(group.get().resolve("current"))) {
      return files.filter(f -> f.getFileName().toString().startsWith(OPEN_PREFIX))
          .max(Comparator.comparingLong(f -> Long.parseLong(f.getFileName().toString()
              .substring(OPEN_PREFIX.length()))));
    }
  }

  /**
   * Where the entries of an open segment end: Ratis preallocates segment files and pads them with zeros, so
   * this is just past the last non-zero byte (an entry ends in its checksum), never before the header.
   */
  public static long writtenLength(Path segment) throws IOException {
    try (FileChannel file = FileChannel.open(segment, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
      long end = file.size();
      while (end > SEGMENT_HEADER_BYTES) {
        long start = Math.max(SEGMENT_HEADER_BYTES, end - buffer.capacity());
        buffer.clear().limit((int) (end - start));
        file.read(buffer, start);
        for (int i = buffer.position() - 1; i >= 0; i--) {
          if (buffer.get(i) != 0) {
            return start + i + 1;
          }
        }
        end = start;
      }
      return SEGMENT_HEADER_BYTES;
    }
  }

  private static Optional<Path> groupDir(Path dataDir, String groupId) throws IOException {
    String suffix = groupId.replaceFirst("^group-", "").replace("-", "").toLowerCase(Locale.ROOT);
    Path raft = dataDir.resolve("raft");
    if (!Files.isDirectory(raft)) {
      return Optional.empty();
    }
    try (Stream<Path> dirs = Files.list(raft)) {
      return dirs.filter(d -> d.getFileName().toString().replace("-", "").endsWith(suffix)).findFirst();
    }
  }
}
