package io.rafka.server.log;

import io.rafka.server.common.DurableFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writer thread only: takes a checkpoint of a log (fsync, then hard links of every segment and index file).
 * Stateless; because it runs on the writer thread, the view and segment states it reads do not move under it.
 */
final class Checkpointer {
  private Checkpointer() {}

  static LogSnapshot checkpoint(LogView view, Path dir, Path snapshotDir) throws IOException {
    for (Segment segment : view.segments()) {
      segment.flush();
    }
    DurableFiles.fsyncDirectory(dir);
    Files.createDirectories(snapshotDir);
    List<SegmentCheckpoint> segments = new ArrayList<>();
    List<LogSnapshot.SnapshotFile> files = new ArrayList<>();
    for (Segment segment : view.segments()) {
      SegmentState state = segment.state();
      long indexSize = segment.index().sizeBytes();
      segments.add(
          new SegmentCheckpoint(
              segment.baseOffset(),
              state.nextOffset(),
              state.sizeBytes(),
              state.firstAppendTimeMs(),
              state.maxAppendTimeMs(),
              indexSize));
      files.add(link(snapshotDir, segment.logFile(), state.sizeBytes()));
      files.add(link(snapshotDir, segment.indexFile(), indexSize));
    }
    DurableFiles.fsyncDirectory(snapshotDir);
    LogCheckpoint checkpoint = new LogCheckpoint(view.logStartOffset(), view.logEndOffset(), segments);
    return new LogSnapshot(checkpoint, files);
  }

  private static LogSnapshot.SnapshotFile link(Path snapshotDir, Path file, long size) throws IOException {
    Path link = snapshotDir.resolve(file.getFileName());
    Files.createLink(link, file);
    return new LogSnapshot.SnapshotFile(link, size);
  }
}
