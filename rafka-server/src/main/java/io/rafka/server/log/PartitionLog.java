package io.rafka.server.log;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import io.rafka.protocol.BatchFrame;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Single writer, many readers: the segmented on-disk log of one partition, where {@link #append}, {@link
 * #trimTo}, {@link #checkpoint}, {@link #flush} and {@link #close} run on one writer thread (the partition's
 * state machine) and {@link #read} and the getters may run on any thread at the same time.
 *
 * <p>The writer publishes through volatile fields only: a {@link LogView} (the immutable list of segments and
 * the log start offset) and, per segment, a {@link SegmentState} replaced after each frame is fully written.
 * Readers take no lock and never read past the state they loaded, so they never see a partial frame.
 *
 * <p>A batch of {@code n} records gets offsets {@code [logEndOffset, logEndOffset + n)}. The active segment
 * rolls before a frame that would take it past {@link LogConfig#segmentBytes()}, or whose append time is
 * {@link LogConfig#segmentMs()} after its first one; nothing else rolls it, so replicas applying the same
 * appends write byte-identical files. Files are fsynced when a segment rolls and at {@link #checkpoint}.
 */
public final class PartitionLog implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(PartitionLog.class);

  private final Path dir;
  private final LogConfig config;
  private volatile LogView view;
  private volatile boolean closed;

  private PartitionLog(Path dir, LogConfig config, LogLoader.Loaded loaded) {
    this.dir = dir;
    this.config = config;
    this.view = new LogView(loaded.segments(), loaded.logStartOffset());
  }

  /** A new empty log at offset 0 in {@code dir}, which is created if needed and must be empty. */
  public static PartitionLog create(Path dir, LogConfig config) throws IOException {
    Files.createDirectories(dir);
    if (!SegmentFiles.list(dir).isEmpty()) {
      throw new IllegalArgumentException("log directory is not empty: " + dir);
    }
    return recover(dir, config);
  }

  /**
   * The log in {@code dir} brought to exactly {@code checkpoint}: segments missing from {@code dir} (or shorter
   * there) are hard-linked from {@code snapshotDir}, files not in the checkpoint are deleted, everything past
   * the checkpoint is truncated.
   *
   * @throws CorruptLogException if a frame of the active segment within its checkpoint size is invalid, or a
   *     file is missing from both directories
   */
  public static PartitionLog restore(
      Path dir, LogConfig config, LogCheckpoint checkpoint, Path snapshotDir) throws IOException {
    return new PartitionLog(dir, config, LogLoader.restore(dir, config, checkpoint, snapshotDir));
  }

  /**
   * The log in {@code dir} as far as its files hold valid frames, for a log without a checkpoint: a torn
   * tail of the last segment is truncated; an empty directory gives an empty log at offset 0.
   *
   * @throws CorruptLogException if a closed segment is damaged or offsets are not contiguous
   */
  public static PartitionLog recover(Path dir, LogConfig config) throws IOException {
    return new PartitionLog(dir, config, LogLoader.recover(dir, config));
  }

  /**
   * Appends one producer batch as one frame at the log end offset. Writer thread only.
   *
   * @return the offsets assigned and the frame's bytes
   */
  public AppendedBatch append(int recordCount, long appendTimeMs, long maxTimestamp, ByteString payload)
      throws IOException {
    ensureOpen();
    if (recordCount < 1) {
      throw new IllegalArgumentException("recordCount must be >= 1, was " + recordCount);
    }
    if (appendTimeMs < 0) {
      throw new IllegalArgumentException("appendTimeMs must be >= 0, was " + appendTimeMs);
    }
    if (payload.size() > Integer.MAX_VALUE - BatchFrame.HEADER_SIZE) {
      throw new IllegalArgumentException("payload too large: " + payload.size());
    }
    Segment active = view.active();
    if (shouldRoll(active, BatchFrame.HEADER_SIZE + payload.size(), recordCount, appendTimeMs)) {
      active = roll(active);
    }
    long baseOffset = active.state().nextOffset();
    if (baseOffset > Long.MAX_VALUE - recordCount) {
      throw new IllegalStateException("offsets exhausted at " + baseOffset);
    }
    byte[] frame = BatchFrame.encode(baseOffset, recordCount, appendTimeMs, maxTimestamp, payload);
    active.append(frame, recordCount, appendTimeMs);
    return new AppendedBatch(baseOffset, recordCount, UnsafeByteOperations.unsafeWrap(frame));
  }

  private boolean shouldRoll(Segment active, int frameSize, int recordCount, long appendTimeMs) {
    SegmentState state = active.state();
    if (state.sizeBytes() == 0) {
      return false;
    }
    return state.sizeBytes() + frameSize > config.segmentBytes()
        || appendTimeMs - state.firstAppendTimeMs() >= config.segmentMs()
        // index entries hold offsets relative to the base as ints
        || state.nextOffset() + recordCount - active.baseOffset() > Integer.MAX_VALUE;
  }

  private Segment roll(Segment active) throws IOException {
    active.seal();
    Segment next = Segment.create(dir, active.state().nextOffset(), config.indexIntervalBytes());
    LogView current = view;
    List<Segment> segments = new ArrayList<>(current.segments());
    segments.add(next);
    view = current.with(segments, current.logStartOffset());
    LOG.debug("Rolled {} at offset {}", dir, next.baseOffset());
    return next;
  }

  /**
   * Whole frames from the one that contains {@code offset} (which may start before it), then the frames after
   * it, across segments, while the total stays within {@code maxBytes}; always at least one frame. Any thread.
   *
   * @return the frames, or an empty ByteString if {@code offset} is the log end offset
   * @throws OffsetOutOfRangeException if {@code offset} is below the log start or past the log end offset
   * @throws IllegalStateException if the log is closed
   */
  public ByteString read(long offset, int maxBytes) throws IOException {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must be >= 0, was " + maxBytes);
    }
    for (int attempt = 0; ; attempt++) {
      ensureOpen();
      LogView current = view;
      long end = current.logEndOffset();
      if (offset < current.logStartOffset() || offset > end) {
        throw new OffsetOutOfRangeException(offset, current.logStartOffset(), end);
      }
      if (offset == end) {
        return ByteString.EMPTY;
      }
      try {
        return LogReader.read(current, offset, maxBytes);
      } catch (Segment.SegmentGoneException e) {
        // trimmed or closed meanwhile: the bounds checks above answer it, or one retry does
        if (attempt > 0 || closed) {
          ensureOpen();
          throw e;
        }
      }
    }
  }

  /**
   * The base offset of the first batch holding a record stamped at or after {@code timestamp} (the log end
   * offset if none). Any thread.
   */
  public long offsetForTimestamp(long timestamp) throws IOException {
    for (int attempt = 0; ; attempt++) {
      try {
        return LogReader.firstBatchAtOrAfter(view, timestamp);
      } catch (java.nio.channels.ClosedChannelException e) {
        if (attempt > 0) {
          throw e;
        }
        // A segment was deleted under us by retention: look again at the new view.
      }
    }
  }

  /**
   * Moves the log start offset up to {@code newLogStartOffset} (never back: a lower value does nothing) and
   * deletes the segments, other than the active one, whose offsets are all below it. Writer thread only.
   *
   * @throws IllegalArgumentException if {@code newLogStartOffset} is past the log end offset
   */
  public void trimTo(long newLogStartOffset) throws IOException {
    ensureOpen();
    LogView current = view;
    if (newLogStartOffset <= current.logStartOffset()) {
      return;
    }
    if (newLogStartOffset > current.logEndOffset()) {
      throw new IllegalArgumentException(
          "cannot trim to " + newLogStartOffset + ", past logEndOffset " + current.logEndOffset());
    }
    List<Segment> keep = new ArrayList<>();
    List<Segment> delete = new ArrayList<>();
    for (Segment segment : current.segments()) {
      boolean below = segment.state().nextOffset() <= newLogStartOffset;
      (below && segment != current.active() ? delete : keep).add(segment);
    }
    view = current.with(keep, newLogStartOffset);
    for (Segment segment : delete) {
      LOG.info("Deleting segment {} of {}: below log start offset {}", segment.baseOffset(), dir,
          newLogStartOffset);
      segment.delete();
    }
  }

  /**
   * The log start offset that retention would move to (the base offset of the first segment to keep), or
   * empty if retention would delete nothing. Only closed segments are ever deleted. Any thread.
   */
  public OptionalLong retentionTarget(long nowMs) {
    return Retention.target(view, config, nowMs);
  }

  /**
   * Fsyncs what was written since the last fsync, hard-links every segment and index file into {@code
   * snapshotDir} (created; must not hold these files yet) and returns the checkpoint with the links. Nothing
   * rolls. Writer thread only.
   */
  public LogSnapshot checkpoint(Path snapshotDir) throws IOException {
    ensureOpen();
    return Checkpointer.checkpoint(view, dir, snapshotDir);
  }

  /** Fsyncs what was written since the last fsync. Writer thread only. */
  public void flush() throws IOException {
    ensureOpen();
    view.active().flush();
  }

  public long logStartOffset() {
    return view.logStartOffset();
  }

  public long logEndOffset() {
    return view.logEndOffset();
  }

  /** The total size of the segment files. */
  public long sizeInBytes() {
    long size = 0;
    for (Segment segment : view.segments()) {
      size += segment.state().sizeBytes();
    }
    return size;
  }

  public int segmentCount() {
    return view.segmentCount();
  }

  public Path dir() {
    return dir;
  }

  public LogConfig config() {
    return config;
  }

  /** Closes the files without fsyncing them; later calls fail with IllegalStateException. Idempotent. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    IOException failure = null;
    for (Segment segment : view.segments()) {
      try {
        segment.close();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("log is closed: " + dir);
    }
  }
}
