package io.rafka.server.log;

import java.nio.file.Path;
import java.util.List;

/**
 * Immutable, so thread-safe: what {@link PartitionLog#checkpoint} made, the checkpoint to put in the
 * snapshot's manifest and the hard links it created, each with the size to ship (a prefix: the active
 * segment's link keeps growing after the checkpoint).
 */
public record LogSnapshot(LogCheckpoint checkpoint, List<SnapshotFile> files) {
  public LogSnapshot {
    files = List.copyOf(files);
  }

  /** One hard link in the snapshot directory and the number of its bytes that belong to the snapshot. */
  public record SnapshotFile(Path path, long sizeBytes) {}
}
