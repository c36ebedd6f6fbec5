package io.rafka.server.log;

import java.util.List;

/**
 * Immutable, so thread-safe: the state of a partition log at a checkpoint, enough to bring its directory back
 * to exactly that state with {@link PartitionLog#restore}.
 *
 * @param logStartOffset the first readable offset
 * @param logEndOffset the offset the next append gets
 * @param segments every segment, oldest first, contiguous, the last one the active segment
 */
public record LogCheckpoint(long logStartOffset, long logEndOffset, List<SegmentCheckpoint> segments) {
  public LogCheckpoint {
    segments = List.copyOf(segments);
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("segments must not be empty");
    }
    for (int i = 1; i < segments.size(); i++) {
      if (segments.get(i).baseOffset() != segments.get(i - 1).nextOffset()) {
        throw new IllegalArgumentException(
            "segments are not contiguous: segment "
                + segments.get(i).baseOffset()
                + " follows one ending at "
                + segments.get(i - 1).nextOffset());
      }
    }
    if (segments.get(segments.size() - 1).nextOffset() != logEndOffset) {
      throw new IllegalArgumentException(
          "logEndOffset=" + logEndOffset + " is not where the last segment ends");
    }
    if (logStartOffset < segments.get(0).baseOffset() || logStartOffset > logEndOffset) {
      throw new IllegalArgumentException(
          "logStartOffset=" + logStartOffset + " is outside the segments [" + segments.get(0).baseOffset()
              + ", " + logEndOffset + "]");
    }
  }
}
