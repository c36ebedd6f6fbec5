package io.rafka.server.log;

import java.util.List;

/**
 * Immutable, so thread-safe: the published shape of a log, its segments (oldest first, the last one active)
 * and its first readable offset. The writer replaces the whole view when it rolls or trims; a reader works on
 * the one view it loaded.
 */
final class LogView {
  private final Segment[] segments;
  private final long logStartOffset;

  LogView(List<Segment> segments, long logStartOffset) {
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("a log has at least one segment");
    }
    this.segments = segments.toArray(new Segment[0]);
    this.logStartOffset = logStartOffset;
  }

  List<Segment> segments() {
    return List.of(segments);
  }

  int segmentCount() {
    return segments.length;
  }

  Segment segment(int i) {
    return segments[i];
  }

  Segment active() {
    return segments[segments.length - 1];
  }

  long logStartOffset() {
    return logStartOffset;
  }

  /** The offset the next append gets, as published now. */
  long logEndOffset() {
    return active().state().nextOffset();
  }

  /** The index of the last segment whose base offset is at most {@code offset}, or -1. */
  int floorSegment(long offset) {
    int low = 0;
    int high = segments.length - 1;
    int found = -1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (segments[mid].baseOffset() <= offset) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found;
  }

  LogView with(List<Segment> newSegments, long newLogStartOffset) {
    return new LogView(newSegments, newLogStartOffset);
  }
}
