package io.rafka.server.produce;

import com.codahale.metrics.Timer;
import io.rafka.proto.ErrorCode;
import io.rafka.proto.LeaderHint;
import io.rafka.proto.ProduceRequest;
import io.rafka.proto.ProduceResponse;
import io.rafka.proto.RecordBatch;
import io.rafka.proto.internal.AppendCommand;
import io.rafka.proto.internal.PartitionCommand;
import io.rafka.proto.internal.PartitionCommandResult;
import io.rafka.server.common.FaultPoints;
import io.rafka.server.config.ServerConfig;
import io.rafka.server.config.TopicConfig;
import io.rafka.server.errors.Errors;
import io.rafka.server.errors.ServerException;
import io.rafka.server.metadata.ClusterImage;
import io.rafka.server.metadata.TopicInfo;
import io.rafka.server.metadata.TopicNames;
import io.rafka.server.metrics.ServerMetrics;
import io.rafka.server.partition.PartitionId;
import io.rafka.server.raft.RaftNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Takes a producer's batch on the partition's leader: validates it, stamps the leader's append time,
 * replicates it through the partition's Raft group on this node (no extra hop), and answers only once the
 * batch is committed and applied, with the offsets the state machine assigned. Thread-safe.
 */
public final class ProduceHandler {
  private final ServerConfig config;
  private final RaftNode raft;
  private final ServerMetrics metrics;
  private final Clock clock;
  private final Duration maxTimeout;
  private final int maxDecompressedBytes;
  private final Map<String, Integer> maxBatchBytesByTopicId = new ConcurrentHashMap<>();

  public ProduceHandler(ServerConfig config, RaftNode raft, ServerMetrics metrics, Clock clock) {
    this.config = config;
    this.raft = raft;
    this.metrics = metrics;
    this.clock = clock;
    this.maxTimeout = config.get(ServerConfig.PRODUCE_TIMEOUT);
    this.maxDecompressedBytes = config.get(ServerConfig.MESSAGE_MAX_DECOMPRESSED_BYTES).intValue();
  }

  public CompletableFuture<ProduceResponse> produce(ProduceRequest request) {
    Timer.Context timing = metrics.produceRequests().time();
    ClusterImage image = raft.metadataImage();
    CompletableFuture<ProduceResponse> response;
    try {
      TopicInfo topic = locate(image, request);
      RecordBatch batch = request.getBatch();
      BatchValidator.validate(batch, batch.getSerializedSize(), maxBatchBytes(topic), maxDecompressedBytes);
      if (request.getTimeoutMs() < 0) {
        throw new ServerException(ErrorCode.INVALID_REQUEST, "timeout_ms must not be negative");
      }
      Duration timeout = request.getTimeoutMs() == 0 ? maxTimeout
          : Duration.ofMillis(Math.min(request.getTimeoutMs(), maxTimeout.toMillis()));
      PartitionId partition = new PartitionId(topic.name(), topic.topicId(), request.getPartition());
      PartitionCommand command = PartitionCommand.newBuilder().setAppend(AppendCommand.newBuilder()
          .setProducerId(batch.getProducerId()).setProducerEpoch(batch.getProducerEpoch())
          .setBaseSequence(batch.getBaseSequence()).setRecordCount(batch.getRecordCount())
          .setMaxTimestamp(batch.getMaxTimestamp()).setAppendTimeMs(clock.millis())
          .setBatch(batch.toByteString())).build();
      long bytes = batch.getSerializedSize();
      int records = batch.getRecordCount();
      response = raft.submit(partition, command, timeout).handle((result, error) -> {
        if (error != null) {
          return failure(image, error);
        }
        try {
          FaultPoints.hit(FaultPoints.PRODUCE_AFTER_COMMIT, partition);
        } catch (ServerException injected) {
          return failure(image, injected);
        }
        if (result.getError() == ErrorCode.NONE && !result.getDuplicate()) {
          metrics.produceBytesIn().mark(bytes);
          metrics.produceRecordsIn().mark(records);
        }
        return success(result);
      });
    } catch (ServerException e) {
      response = CompletableFuture.completedFuture(failure(image, e));
    }
    return response.whenComplete((r, e) -> {
      timing.stop();
      if (r == null || r.getError().getCode() != ErrorCode.NONE) {
        metrics.produceErrors().mark();
      }
    });
  }

  private static TopicInfo locate(ClusterImage image, ProduceRequest request) {
    String problem = TopicNames.problem(request.getTopic());
    if (problem != null) {
      throw new ServerException(ErrorCode.INVALID_TOPIC, problem);
    }
    TopicInfo topic = image.topic(request.getTopic()).orElseThrow(() -> new ServerException(
        ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, "topic '" + request.getTopic() + "' does not exist"));
    if (request.getPartition() < 0) {
      throw new ServerException(ErrorCode.INVALID_PARTITIONS,
          "partition index must not be negative, was " + request.getPartition());
    }
    if (request.getPartition() >= topic.partitions()) {
      throw new ServerException(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, "topic '" + topic.name() + "' has "
          + topic.partitions() + " partitions; partition " + request.getPartition() + " does not exist");
    }
    if (!request.hasBatch()) {
      throw new ServerException(ErrorCode.INVALID_REQUEST, "a produce request needs a batch");
    }
    return topic;
  }

  private int maxBatchBytes(TopicInfo topic) {
    return maxBatchBytesByTopicId.computeIfAbsent(topic.topicId(),
        id -> TopicConfig.resolve(topic.configs(), config).maxMessageBytes());
  }

  private static ProduceResponse success(PartitionCommandResult result) {
    if (result.getError() != ErrorCode.NONE) {
      return ProduceResponse.newBuilder().setError(Errors.of(result.getError(), result.getMessage()))
          .setLogStartOffset(result.getLogStartOffset()).build();
    }
    return ProduceResponse.newBuilder().setError(Errors.NONE).setBaseOffset(result.getBaseOffset())
        .setLogAppendTimeMs(result.getAppendTimeMs()).setLogStartOffset(result.getLogStartOffset())
        .setDuplicate(result.getDuplicate()).build();
  }

  private static ProduceResponse failure(ClusterImage image, Throwable error) {
    Throwable e = Errors.unwrap(error);
    ProduceResponse.Builder b = ProduceResponse.newBuilder().setError(Errors.from(e));
    int hint = RaftNode.leaderHint(e);
    if (hint >= 0) {
      LeaderHint.Builder leader = LeaderHint.newBuilder().setNodeId(hint);
      image.node(hint).ifPresent(n -> leader.setAddress(n.clientAddress()));
      b.setLeader(leader);
    }
    return b.build();
  }
}
