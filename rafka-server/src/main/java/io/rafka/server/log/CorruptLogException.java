package io.rafka.server.log;

import java.nio.file.Path;

/**
 * Immutable, so thread-safe: a segment or index file holds bytes that cannot be the log's (a bad frame inside
 * data that was fsynced, offsets that are not contiguous, a file missing or shorter than its checkpoint).
 * Unchecked: the log cannot go on, and must not silently drop data.
 */
public final class CorruptLogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** {@link #position()} when no byte position applies. */
  public static final long NO_POSITION = -1;

  private final transient Path file;
  private final long position;

  public CorruptLogException(Path file, long position, String problem) {
    super(
        (position == NO_POSITION ? file + ": " : file + " at byte " + position + ": ") + problem);
    this.file = file;
    this.position = position;
  }

  /** The file that is corrupt. */
  public Path file() {
    return file;
  }

  /** The byte position of the problem in {@link #file()}, or {@link #NO_POSITION}. */
  public long position() {
    return position;
  }
}
