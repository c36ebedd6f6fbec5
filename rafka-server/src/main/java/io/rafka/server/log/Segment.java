package io.rafka.server.log;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Single writer, many readers: {@link #append}, {@link #seal}, {@link #flush}, {@link #close} run on the
 * writer thread; {@link #state} and {@link #readAt} on any thread. One segment: a {@code .log} file of frames
 * and its {@link OffsetIndex}. The writer writes a frame first and then publishes a new {@link SegmentState}
 * (volatile), so a reader that reads no further than the state it loaded never sees a partial frame.
 *
 * <p>Readers use a read-only channel of their own: if a reader thread is interrupted mid-read, Java closes
 * that channel, and the next reader reopens it; the writer's channel is not affected.
 */
final class Segment {
  private final long baseOffset;
  private final Path logFile;
  private final Path indexFile;
  private final OffsetIndex index;
  private volatile SegmentState state;
  /** Open while the segment is active. Writer thread only. */
  private FileChannel writeChannel;
  /** Guarded by this for replacement; read without the lock. */
  private volatile FileChannel readChannel;
  /** Guarded by this. */
  private boolean closed;
  /** Bytes were written (or the files were opened) since the last fsync. Writer thread only. */
  private boolean dirty;

  private Segment(
      long baseOffset, Path dir, SegmentState state, OffsetIndex index, FileChannel writeChannel)
      throws IOException {
    this.baseOffset = baseOffset;
    this.logFile = dir.resolve(SegmentFiles.logName(baseOffset));
    this.indexFile = dir.resolve(SegmentFiles.indexName(baseOffset));
    this.state = state;
    this.index = index;
    this.writeChannel = writeChannel;
    this.readChannel = FileChannel.open(logFile, StandardOpenOption.READ);
    this.dirty = writeChannel != null;
  }

  /** A new, empty, active segment; its files must not exist yet. */
  static Segment create(Path dir, long baseOffset, int indexIntervalBytes) throws IOException {
    FileChannel log =
        FileChannel.open(
            dir.resolve(SegmentFiles.logName(baseOffset)),
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
    FileChannel idx =
        FileChannel.open(
            dir.resolve(SegmentFiles.indexName(baseOffset)),
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
    return new Segment(
        baseOffset,
        dir,
        SegmentState.empty(baseOffset),
        new OffsetIndex(new IndexBuilder(indexIntervalBytes), idx),
        log);
  }

  /**
   * An existing segment whose files hold exactly {@code state.sizeBytes()} bytes of frames and exactly the
   * entries of {@code entries}. An active segment is opened for appending.
   */
  static Segment open(Path dir, long baseOffset, SegmentState state, IndexBuilder entries, boolean active)
      throws IOException {
    FileChannel log = null;
    FileChannel idx = null;
    if (active) {
      log = FileChannel.open(dir.resolve(SegmentFiles.logName(baseOffset)), StandardOpenOption.WRITE);
      idx = FileChannel.open(dir.resolve(SegmentFiles.indexName(baseOffset)), StandardOpenOption.WRITE);
    }
    return new Segment(baseOffset, dir, state, new OffsetIndex(entries, idx), log);
  }

  long baseOffset() {
    return baseOffset;
  }

  Path logFile() {
    return logFile;
  }

  Path indexFile() {
    return indexFile;
  }

  /** The published extent. Any thread. */
  SegmentState state() {
    return state;
  }

  OffsetIndex index() {
    return index;
  }

  /** Writes {@code frame} (whose first offset is {@code state().nextOffset()}) at the end. Writer only. */
  void append(byte[] frame, int recordCount, long appendTimeMs) throws IOException {
    SegmentState before = state;
    int position = Math.toIntExact(before.sizeBytes());
    long frameBase = before.nextOffset();
    SegmentFiles.writeFully(writeChannel, ByteBuffer.wrap(frame), position);
    index.offer(Math.toIntExact(frameBase - baseOffset), position);
    dirty = true;
    state = before.plus(frame.length, frameBase + recordCount, appendTimeMs);
  }

  /** Forces the files to disk if anything was written since the last time. Writer only. */
  void flush() throws IOException {
    if (dirty && writeChannel != null) {
      writeChannel.force(true);
      index.force();
    }
    dirty = false;
  }

  /** Makes the segment read-only: forces it to disk and closes the writer's channels. Writer only. */
  void seal() throws IOException {
    flush();
    if (writeChannel != null) {
      writeChannel.close();
      writeChannel = null;
    }
    index.closeFile();
  }

  /**
   * Reads exactly {@code length} bytes at {@code position}; the caller keeps within {@link #state()}. Any
   * thread.
   *
   * @throws SegmentGoneException if the segment was closed or deleted meanwhile
   */
  ByteBuffer readAt(long position, int length) throws IOException {
    ByteBuffer dst = ByteBuffer.allocate(length);
    FileChannel channel = readChannel;
    while (true) {
      try {
        while (dst.hasRemaining()) {
          if (channel.read(dst, position + dst.position()) < 0) {
            throw new EOFException(logFile + " ends before byte " + (position + length));
          }
        }
        return dst.flip();
      } catch (ClosedByInterruptException e) {
        throw e; // this reader was interrupted; the next reader reopens the channel
      } catch (ClosedChannelException e) {
        channel = reopen(channel);
      }
    }
  }

  private synchronized FileChannel reopen(FileChannel broken) throws IOException {
    if (closed) {
      throw new SegmentGoneException(logFile);
    }
    if (readChannel == broken) {
      try {
        readChannel = FileChannel.open(logFile, StandardOpenOption.READ);
      } catch (NoSuchFileException e) {
        throw new SegmentGoneException(logFile);
      }
    }
    return readChannel;
  }

  /** Closes every channel; reads in flight or later fail with {@link SegmentGoneException}. Idempotent. */
  void close() throws IOException {
    synchronized (this) {
      closed = true;
      readChannel.close();
    }
    if (writeChannel != null) {
      writeChannel.close();
      writeChannel = null;
    }
    index.closeFile();
  }

  /** Closes the segment and deletes its files. */
  void delete() throws IOException {
    close();
    Files.deleteIfExists(logFile);
    Files.deleteIfExists(indexFile);
  }

  /** A segment was closed or deleted while a reader was using it. */
  static final class SegmentGoneException extends IOException {
    private static final long serialVersionUID = 1L;

    SegmentGoneException(Path file) {
      super(file + " was closed or deleted");
    }
  }
}
