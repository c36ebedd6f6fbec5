package io.rafka.server.log;

/**
 * Immutable, so thread-safe: how one partition log rolls, indexes and retains its segments.
 *
 * @param segmentBytes roll before a frame that would take the active segment past this size, unless the
 *     segment is empty (a frame larger than this gets a segment of its own)
 * @param segmentMs roll before a frame whose append time is at least this long after the first append time of
 *     the active segment (append times are the ones passed in, never the wall clock)
 * @param indexIntervalBytes bytes of frames between two entries of the sparse offset index
 * @param retentionBytes keep the log at most this big by deleting its oldest closed segments; -1 = unlimited
 * @param retentionMs delete closed segments whose newest append time is older than this; -1 = unlimited
 */
public record LogConfig(
    int segmentBytes, long segmentMs, int indexIntervalBytes, long retentionBytes, long retentionMs) {

  /** The retention value meaning "keep everything". */
  public static final long UNLIMITED = -1;

  public LogConfig {
    if (segmentBytes < 1) {
      throw new IllegalArgumentException("segmentBytes must be >= 1, was " + segmentBytes);
    }
    if (segmentMs < 1) {
      throw new IllegalArgumentException("segmentMs must be >= 1, was " + segmentMs);
    }
    if (indexIntervalBytes < 1) {
      throw new IllegalArgumentException("indexIntervalBytes must be >= 1, was " + indexIntervalBytes);
    }
    if (retentionBytes < UNLIMITED) {
      throw new IllegalArgumentException(
          "retentionBytes must be -1 (unlimited) or >= 0, was " + retentionBytes);
    }
    if (retentionMs < UNLIMITED) {
      throw new IllegalArgumentException("retentionMs must be -1 (unlimited) or >= 0, was " + retentionMs);
    }
  }

  /** 1 GiB segments rolled at least weekly, an index entry every 4 KiB, unlimited retention. */
  public static LogConfig defaults() {
    return new LogConfig(1 << 30, 7L * 24 * 60 * 60 * 1000, 4096, UNLIMITED, UNLIMITED);
  }
}
