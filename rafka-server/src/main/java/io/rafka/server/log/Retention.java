package io.rafka.server.log;

import java.util.OptionalLong;

/** Stateless and thread-safe (works on one published view): which closed segments retention would delete. */
final class Retention {
  private Retention() {}

  /**
   * Drops the oldest closed segments while the log stays at least {@code retentionBytes} without them (as
   * Kafka does: retention.bytes is how much a partition keeps, not a hard cap), and every closed segment from
   * the oldest on whose newest append time is older than {@code nowMs - retentionMs}; the target is where
   * the first kept segment starts.
   */
  static OptionalLong target(LogView view, LogConfig config, long nowMs) {
    int closedCount = view.segmentCount() - 1;
    int dropBySize = 0;
    if (config.retentionBytes() != LogConfig.UNLIMITED) {
      long size = 0;
      for (int i = 0; i < view.segmentCount(); i++) {
        size += view.segment(i).state().sizeBytes();
      }
      while (dropBySize < closedCount
          && size - view.segment(dropBySize).state().sizeBytes() >= config.retentionBytes()) {
        size -= view.segment(dropBySize).state().sizeBytes();
        dropBySize++;
      }
    }
    int dropByTime = 0;
    if (config.retentionMs() != LogConfig.UNLIMITED) {
      while (dropByTime < closedCount
          && nowMs - view.segment(dropByTime).state().maxAppendTimeMs() > config.retentionMs()) {
        dropByTime++;
      }
    }
    int drop = Math.max(dropBySize, dropByTime);
    if (drop == 0) {
      return OptionalLong.empty();
    }
    long target = view.segment(drop - 1).state().nextOffset();
    return target > view.logStartOffset() ? OptionalLong.of(target) : OptionalLong.empty();
  }
}
