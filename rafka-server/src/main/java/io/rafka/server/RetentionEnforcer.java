package io.rafka.server;

import io.rafka.proto.internal.PartitionCommand;
import io.rafka.proto.internal.TrimLogCommand;
import io.rafka.server.partition.Partition;
import io.rafka.server.partition.PartitionRegistry;
import io.rafka.server.raft.RaftNode;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies retention on the partitions this node leads: when a partition's oldest segments are past
 * retention.bytes or retention.ms, proposes a new log start offset through the partition's Raft group, so
 * every replica deletes the same segments and agrees on the log start offset. Runs periodically.
 */
final class RetentionEnforcer implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionEnforcer.class);

  private final RaftNode raft;
  private final PartitionRegistry registry;
  private final Clock clock;
  private final Duration timeout;

  RetentionEnforcer(RaftNode raft, PartitionRegistry registry, Clock clock, Duration timeout) {
    this.raft = raft;
    this.registry = registry;
    this.clock = clock;
    this.timeout = timeout;
  }

  @Override
  public void run() {
    long now = clock.millis();
    for (Partition p : registry.all()) {
      if (!raft.isLeaderReady(p.id().topicId(), p.id().partition())) {
        continue;
      }
      OptionalLong target = p.retentionTarget(now);
      if (target.isEmpty() || target.getAsLong() <= p.logStartOffset()) {
        continue;
      }
      PartitionCommand trim = PartitionCommand.newBuilder()
          .setTrimLog(TrimLogCommand.newBuilder().setNewLogStartOffset(target.getAsLong())).build();
      raft.submit(p.id(), trim, timeout).whenComplete((r, e) -> {
        if (e != null) {
          LOG.warn("[partition={}] retention to offset {} failed: {}", p.id(), target.getAsLong(), e.toString());
        } else {
          LOG.info("[partition={}] retention moved the log start offset to {}", p.id(), r.getLogStartOffset());
        }
      });
    }
  }
}
