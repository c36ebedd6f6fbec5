package io.rafka.server.metadata;

import io.rafka.proto.internal.MetadataCommand;
import io.rafka.proto.internal.ReportLeaderCommand;
import java.io.Closeable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records in the metadata group which node leads each partition, so that any node can tell clients where
 * to write. A report is sent when this node's replica becomes a ready leader and retried until the metadata
 * group takes it or leadership moves on; only the newest report per partition is kept. Thread-safe.
 */
public final class LeaderReporter implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaderReporter.class);
  private static final long RETRY_DELAY_MS = 500;

  private final int nodeId;
  private final MetadataWriter writer;
  private final ScheduledExecutorService executor;
  private final Map<PartitionRef, Long> pending = new ConcurrentHashMap<>();

  public LeaderReporter(int nodeId, MetadataWriter writer, ThreadFactory threads) {
    this.nodeId = nodeId;
    this.writer = writer;
    this.executor = Executors.newSingleThreadScheduledExecutor(threads);
  }

  /**
   * Reports that this node leads {@code partition} in {@code term}. {@code stillLeader} is asked before each
   * retry, so a report for a lost leadership is dropped.
   */
  public void report(PartitionRef partition, long term, BooleanSupplier stillLeader) {
    pending.merge(partition, term, Math::max);
    executor.execute(() -> send(partition, term, stillLeader));
  }

  private void send(PartitionRef partition, long term, BooleanSupplier stillLeader) {
    Long newest = pending.get(partition);
    if (newest == null || newest != term || !stillLeader.getAsBoolean()) {
      pending.remove(partition, term);
      return;
    }
    MetadataCommand command = MetadataCommand.newBuilder().setReportLeader(ReportLeaderCommand.newBuilder()
        .setTopicId(partition.topicId()).setPartition(partition.partition()).setLeader(nodeId).setTerm(term))
        .build();
    writer.propose(command).whenComplete((result, e) -> {
      if (e == null) {
        pending.remove(partition, term);
      } else if (!executor.isShutdown()) {
        LOG.debug("[node={}] leader report for {} failed, retrying: {}", nodeId, partition, e.toString());
        executor.schedule(() -> send(partition, term, stillLeader), RETRY_DELAY_MS, TimeUnit.MILLISECONDS);
      }
    });
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
