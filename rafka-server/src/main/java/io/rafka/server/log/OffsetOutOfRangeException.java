package io.rafka.server.log;

/**
 * Immutable, so thread-safe: a read asked for an offset outside {@code [logStartOffset, logEndOffset]}.
 * Unchecked. The bounds are the ones the log had when it refused the read.
 */
public final class OffsetOutOfRangeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long requestedOffset;
  private final long logStartOffset;
  private final long logEndOffset;

  public OffsetOutOfRangeException(long requestedOffset, long logStartOffset, long logEndOffset) {
    super(
        "offset "
            + requestedOffset
            + " is out of range: logStartOffset="
            + logStartOffset
            + ", logEndOffset="
            + logEndOffset);
    this.requestedOffset = requestedOffset;
    this.logStartOffset = logStartOffset;
    this.logEndOffset = logEndOffset;
  }

  public long requestedOffset() {
    return requestedOffset;
  }

  public long logStartOffset() {
    return logStartOffset;
  }

  public long logEndOffset() {
    return logEndOffset;
  }
}
