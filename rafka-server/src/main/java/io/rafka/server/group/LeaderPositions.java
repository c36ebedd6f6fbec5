package io.rafka.server.group;

import io.rafka.proto.DescribePositionsRequest;
import io.rafka.proto.DescribePositionsResponse;
import io.rafka.proto.ErrorCode;
import io.rafka.proto.PartitionPosition;
import io.rafka.proto.PositionQuery;
import io.rafka.proto.RecordTimestamp;
import io.rafka.server.errors.Errors;
import io.rafka.server.errors.ServerException;
import io.rafka.server.log.OffsetOutOfRangeException;
import io.rafka.server.partition.Partition;
import io.rafka.server.partition.PartitionRegistry;
import io.rafka.server.raft.RaftNode;
import java.io.IOException;
import java.util.OptionalLong;

/**
 * Answers DescribePositions from the partitions this node leads: where each log starts and ends, and when the
 * record at each asked offset was stamped. A coordinator measures its groups' lag with it; only a ready leader
 * answers once it has applied all it committed, because then its log end is the partition's high watermark. Thread-safe.
 */
public final class LeaderPositions {
  /** Bounds on one request, which comes from the network. */
  static final int MAX_PARTITIONS = 10_000;
  static final int MAX_OFFSETS_PER_PARTITION = 1_000;

  private final int nodeId;
  private final PartitionRegistry registry;
  private final RaftNode raft;

  public LeaderPositions(int nodeId, PartitionRegistry registry, RaftNode raft) {
    this.nodeId = nodeId;
    this.registry = registry;
    this.raft = raft;
  }

  public DescribePositionsResponse describe(DescribePositionsRequest request) {
    if (request.getPartitionsCount() > MAX_PARTITIONS) {
      throw new ServerException(ErrorCode.INVALID_REQUEST, "a DescribePositions request names "
          + request.getPartitionsCount() + " partitions; at most " + MAX_PARTITIONS + " are allowed");
    }
    DescribePositionsResponse.Builder b = DescribePositionsResponse.newBuilder().setError(Errors.NONE);
    for (PositionQuery q : request.getPartitionsList()) {
      b.addPartitions(position(q));
    }
    return b.build();
  }

  private PartitionPosition position(PositionQuery q) {
    PartitionPosition.Builder p = PartitionPosition.newBuilder().setTopic(q.getTopic()).setTopicId(q.getTopicId())
        .setPartition(q.getPartition());
    if (q.getOffsetsCount() > MAX_OFFSETS_PER_PARTITION) {
      return p.setError(Errors.of(ErrorCode.INVALID_REQUEST, q.getOffsetsCount() + " offsets asked for "
          + q.getTopic() + "-" + q.getPartition() + "; at most " + MAX_OFFSETS_PER_PARTITION)).build();
    }
    Partition partition = registry.get(q.getTopic(), q.getPartition())
        .filter(x -> x.id().topicId().equals(q.getTopicId())).orElse(null);
    if (partition == null || !raft.knowsCommittedEnd(q.getTopicId(), q.getPartition())) {
      return p.setError(Errors.of(ErrorCode.NOT_LEADER, "node " + nodeId + " does not lead " + q.getTopic() + "-"
          + q.getPartition() + " (topic id " + q.getTopicId() + ")")).build();
    }
    long end = partition.logEndOffset();
    p.setError(Errors.NONE).setLogStartOffset(partition.logStartOffset()).setLogEndOffset(end);
    try {
      for (long offset : q.getOffsetsList()) {
        if (offset < end) {
          OptionalLong ts = partition.timestampAt(offset);
          if (ts.isPresent()) {
            p.addTimestamps(RecordTimestamp.newBuilder().setOffset(offset).setTimestampMs(ts.getAsLong()));
          }
        }
      }
    } catch (OffsetOutOfRangeException e) {
      // Retention moved the log start past an offset between the checks above: the next round asks again.
      p.clearTimestamps();
    } catch (IOException e) {
      return PartitionPosition.newBuilder().setTopic(q.getTopic()).setTopicId(q.getTopicId())
          .setPartition(q.getPartition()).setError(Errors.of(ErrorCode.STORAGE_ERROR, "reading "
              + q.getTopic() + "-" + q.getPartition() + " on node " + nodeId + ": " + e.getMessage())).build();
    }
    return p.build();
  }
}
