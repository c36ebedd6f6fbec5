package io.rafka.server.log;

import io.rafka.server.common.DurableFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stateless, but not for concurrent use on one directory (call it from the thread that will write the log,
 * before anyone reads it): opens the segments of an existing log directory, either exactly at a checkpoint
 * ({@link #restore}) or as far as its files hold valid frames ({@link #recover}).
 */
final class LogLoader {
  private static final Logger LOG = LoggerFactory.getLogger(LogLoader.class);

  private LogLoader() {}

  /** The opened segments, oldest first, and the first readable offset. */
  record Loaded(List<Segment> segments, long logStartOffset) {}

  static Loaded restore(Path dir, LogConfig config, LogCheckpoint checkpoint, Path snapshotDir)
      throws IOException {
    Files.createDirectories(dir);
    Set<String> listed = new HashSet<>();
    for (SegmentCheckpoint seg : checkpoint.segments()) {
      listed.add(SegmentFiles.logName(seg.baseOffset()));
      listed.add(SegmentFiles.indexName(seg.baseOffset()));
    }
    for (Path file : SegmentFiles.list(dir)) {
      String name = file.getFileName().toString();
      if (SegmentFiles.isLogFile(name) && !listed.contains(name)) {
        LOG.info("Deleting {}: not in the checkpoint being restored", file);
        Files.delete(file);
      }
    }
    List<SegmentCheckpoint> segs = checkpoint.segments();
    List<Segment> segments = new ArrayList<>();
    try {
      for (int i = 0; i < segs.size(); i++) {
        SegmentCheckpoint seg = segs.get(i);
        Path log = dir.resolve(SegmentFiles.logName(seg.baseOffset()));
        Path index = dir.resolve(SegmentFiles.indexName(seg.baseOffset()));
        bringToSize(log, snapshotDir, seg.sizeBytes());
        bringToSize(index, snapshotDir, seg.indexSizeBytes());
        segments.add(
            i == segs.size() - 1
                ? restoreActive(dir, config, seg)
                : restoreClosed(dir, config, seg, log, index));
      }
    } catch (IOException | RuntimeException e) {
      closeAll(segments, e);
      throw e;
    }
    DurableFiles.fsyncDirectory(dir);
    return new Loaded(segments, checkpoint.logStartOffset());
  }

  /**
   * Makes {@code file} exactly {@code size} bytes: links it from the snapshot directory if it is missing or
   * too short there, then truncates what lies past {@code size}.
   */
  private static void bringToSize(Path file, Path snapshotDir, long size) throws IOException {
    if (!Files.exists(file) || Files.size(file) < size) {
      Path source = snapshotDir.resolve(file.getFileName());
      if (!Files.exists(source) || Files.size(source) < size) {
        throw new CorruptLogException(
            file, CorruptLogException.NO_POSITION, "missing or shorter than its checkpoint size " + size
                + ", and so is " + source);
      }
      Files.deleteIfExists(file);
      Files.createLink(file, source);
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      if (channel.size() > size) {
        channel.truncate(size);
      }
      channel.force(true);
    }
  }

  /**
   * A closed segment: trusted as the checkpoint describes it (it was fsynced when it rolled), after a cheap
   * check that the frame headers from its last index entry on end exactly at its checkpoint size and offset.
   */
  private static Segment restoreClosed(
      Path dir, LogConfig config, SegmentCheckpoint seg, Path log, Path index) throws IOException {
    IndexBuilder entries =
        IndexBuilder.fromBytes(
            ByteBuffer.wrap(Files.readAllBytes(index)), config.indexIntervalBytes(), seg.sizeBytes());
    try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
      if (entries == null) {
        LOG.warn("Rebuilding {}: it is not a well-formed index", index);
        SegmentScanner.Result scan =
            SegmentScanner.scan(
                channel, seg.baseOffset(), seg.sizeBytes(), config.indexIntervalBytes(), false);
        requireWhole(log, scan, seg.sizeBytes());
        entries = scan.index();
        rewriteIndex(index, entries);
      }
      int last = entries.count() - 1;
      SegmentState from =
          last < 0
              ? SegmentState.empty(seg.baseOffset())
              : new SegmentState(
                  entries.positions()[last],
                  seg.baseOffset() + entries.relativeOffsets()[last],
                  SegmentCheckpoint.NO_APPEND_TIME,
                  SegmentCheckpoint.NO_APPEND_TIME);
      SegmentScanner.Result tail =
          SegmentScanner.scanFrom(
              channel, seg.baseOffset(), from, seg.sizeBytes(), config.indexIntervalBytes(), false);
      requireWhole(log, tail, seg.sizeBytes());
      requireNextOffset(log, tail, seg.nextOffset());
    }
    SegmentState state =
        new SegmentState(
            seg.sizeBytes(), seg.nextOffset(), seg.firstAppendTimeMs(), seg.maxAppendTimeMs());
    return Segment.open(dir, seg.baseOffset(), state, entries, false);
  }

  /** The active segment: every frame within the checkpoint size must be valid, since it was fsynced. */
  private static Segment restoreActive(Path dir, LogConfig config, SegmentCheckpoint seg)
      throws IOException {
    Path log = dir.resolve(SegmentFiles.logName(seg.baseOffset()));
    SegmentScanner.Result scan;
    try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
      scan =
          SegmentScanner.scan(channel, seg.baseOffset(), seg.sizeBytes(), config.indexIntervalBytes(), true);
    }
    requireWhole(log, scan, seg.sizeBytes());
    requireNextOffset(log, scan, seg.nextOffset());
    syncIndex(dir.resolve(SegmentFiles.indexName(seg.baseOffset())), scan.index(), config);
    return Segment.open(dir, seg.baseOffset(), scan.state(), scan.index(), true);
  }

  static Loaded recover(Path dir, LogConfig config) throws IOException {
    Files.createDirectories(dir);
    List<Long> bases = SegmentFiles.segmentBaseOffsets(dir);
    for (Path file : SegmentFiles.list(dir)) {
      long base = SegmentFiles.baseOffsetOf(file.getFileName().toString(), SegmentFiles.INDEX_SUFFIX);
      if (base >= 0 && !bases.contains(base)) {
        LOG.warn("Deleting {}: its segment file is missing", file);
        Files.delete(file);
      }
    }
    if (bases.isEmpty()) {
      return new Loaded(List.of(Segment.create(dir, 0, config.indexIntervalBytes())), 0);
    }
    List<Segment> segments = new ArrayList<>();
    try {
      long expectedBase = bases.get(0);
      for (int i = 0; i < bases.size(); i++) {
        long base = bases.get(i);
        Path log = dir.resolve(SegmentFiles.logName(base));
        if (base != expectedBase) {
          throw new CorruptLogException(
              log, CorruptLogException.NO_POSITION, "offsets are not contiguous: the previous segment ends at "
                  + expectedBase);
        }
        boolean active = i == bases.size() - 1;
        SegmentScanner.Result scan = recoverScan(log, base, config, active);
        syncIndex(dir.resolve(SegmentFiles.indexName(base)), scan.index(), config);
        segments.add(Segment.open(dir, base, scan.state(), scan.index(), active));
        expectedBase = scan.state().nextOffset();
      }
    } catch (IOException | RuntimeException e) {
      closeAll(segments, e);
      throw e;
    }
    DurableFiles.fsyncDirectory(dir);
    return new Loaded(segments, bases.get(0));
  }

  /**
   * Scans a segment: a closed one (fsynced when it rolled) must be whole; the active one may end in a torn
   * write, which is cut off.
   */
  private static SegmentScanner.Result recoverScan(Path log, long base, LogConfig config, boolean active)
      throws IOException {
    try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = channel.size();
      if (size > Integer.MAX_VALUE) {
        throw new CorruptLogException(log, CorruptLogException.NO_POSITION, "larger than 2 GiB: " + size);
      }
      SegmentScanner.Result scan = SegmentScanner.scan(channel, base, size, config.indexIntervalBytes(), active);
      if (!active || scan.stop() == SegmentScanner.Stop.WRONG_OFFSET) {
        requireWhole(log, scan, size);
      } else if (scan.stop() == SegmentScanner.Stop.INVALID_FRAME) {
        LOG.warn(
            "Truncating {} bytes of torn tail from {} at byte {}",
            size - scan.validBytes(),
            log,
            scan.validBytes());
        channel.truncate(scan.validBytes());
        channel.force(true);
      }
      return scan;
    }
  }

  private static void requireWhole(Path log, SegmentScanner.Result scan, long size) {
    switch (scan.stop()) {
      case END:
        return;
      case WRONG_OFFSET:
        throw new CorruptLogException(
            log, scan.validBytes(), "frame does not start at the expected offset " + scan.state().nextOffset());
      default:
        throw new CorruptLogException(
            log, scan.validBytes(), "invalid frame (torn, bad CRC or garbage) within the first " + size
                + " bytes, which were fsynced");
    }
  }

  private static void requireNextOffset(Path log, SegmentScanner.Result scan, long nextOffset) {
    if (scan.state().nextOffset() != nextOffset) {
      throw new CorruptLogException(
          log, CorruptLogException.NO_POSITION, "frames end at offset " + scan.state().nextOffset()
              + ", the checkpoint says " + nextOffset);
    }
  }

  /** Keeps the index file if it holds exactly {@code expected}, else rewrites it. */
  private static void syncIndex(Path index, IndexBuilder expected, LogConfig config) throws IOException {
    if (Files.exists(index)) {
      ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(index));
      IndexBuilder existing = IndexBuilder.fromBytes(bytes, config.indexIntervalBytes(), Long.MAX_VALUE);
      if (existing != null && existing.sameEntries(expected)) {
        return;
      }
      LOG.warn("Rebuilding {}: it does not match its segment", index);
    }
    rewriteIndex(index, expected);
  }

  private static void rewriteIndex(Path index, IndexBuilder entries) throws IOException {
    try (FileChannel channel =
        FileChannel.open(
            index,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      SegmentFiles.writeFully(channel, entries.toBytes(0), 0);
      channel.force(true);
    }
  }

  private static void closeAll(List<Segment> segments, Exception cause) {
    for (Segment segment : segments) {
      try {
        segment.close();
      } catch (IOException e) {
        cause.addSuppressed(e);
      }
    }
  }
}
