package io.rafka.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.CallOptions;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.rafka.proto.CreateTopicRequest;
import io.rafka.proto.CreateTopicResponse;
import io.rafka.proto.ErrorCode;
import io.rafka.proto.FetchPartition;
import io.rafka.proto.FetchPartitionResult;
import io.rafka.proto.FetchRequest;
import io.rafka.proto.FetchResponse;
import io.rafka.proto.ProduceRequest;
import io.rafka.proto.ProduceResponse;
import io.rafka.proto.DescribePositionsRequest;
import io.rafka.proto.DescribePositionsResponse;
import io.rafka.proto.PartitionPosition;
import io.rafka.proto.PositionQuery;
import io.rafka.proto.ProduceServiceGrpc;
import io.rafka.proto.RecordBatch;
import io.rafka.server.partition.Partition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of bad input gets a clear error (a code and a message naming the problem), changes nothing,
 * and leaves the node serving everyone else.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class BadInputIT {
  private static InProcessCluster cluster;
  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    cluster = InProcessCluster.start(1, InProcessCluster.tempDir("bad-input"),
        Map.of("log.retention.check.interval", "100ms"));
    api = new Api(cluster.apiAddress(1));
    create("good", 3, Map.of());
    assertEquals(ErrorCode.NONE, api.produce("good", 0, Batches.of("first")).getError().getCode());
  }

  @AfterAll
  static void stop() throws Exception {
    if (api != null) {
      api.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  /** After every bad request: the good partition is unchanged and still takes writes and reads. */
  @AfterEach
  void nodeStillServes() {
    long end = endOffset("good", 0);
    ProduceResponse ok = api.produce("good", 0, Batches.of("still-serving"));
    assertEquals(ErrorCode.NONE, ok.getError().getCode(), ok.getError().getMessage());
    assertEquals(end, ok.getBaseOffset(), "a bad request must not have written anything");
    assertEquals(ErrorCode.NONE, api.fetch("good", 0, 0).getError().getCode());
  }

  private static long endOffset(String topic, int partition) {
    return cluster.node(1).partitions().get(topic, partition).map(Partition::logEndOffset).orElseThrow();
  }

  private static CreateTopicResponse create(String name, Integer partitions, Map<String, String> configs) {
    CreateTopicRequest.Builder b = CreateTopicRequest.newBuilder().setName(name).putAllConfigs(configs);
    if (partitions != null) {
      b.setPartitions(partitions);
    }
    return api.admin().createTopic(b.build());
  }

  private static void assertError(ErrorCode expected, io.rafka.proto.Error actual, String mentions) {
    assertEquals(expected, actual.getCode(), actual.getMessage());
    assertTrue(actual.getMessage().contains(mentions), "message '" + actual.getMessage() + "' should mention '"
        + mentions + "'");
  }

  // ---- topics and partitions that do not exist

  @Test
  void produceToAnUnknownTopic() {
    assertError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, api.produce("nope", 0, Batches.of("x")).getError(), "nope");
  }

  @Test
  void fetchFromAnUnknownTopic() {
    assertError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, api.fetch("nope", 0, 0).getError(), "nope");
  }

  @Test
  void partitionIndexBelowZero() {
    assertError(ErrorCode.INVALID_PARTITIONS, api.produce("good", -1, Batches.of("x")).getError(), "-1");
    assertError(ErrorCode.INVALID_PARTITIONS, api.fetch("good", -1, 0).getError(), "-1");
  }

  @Test
  void partitionIndexAtOrPastTheCount() {
    assertError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, api.produce("good", 3, Batches.of("x")).getError(), "3 partitions");
    assertError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, api.fetch("good", 7, 0).getError(), "partition 7");
  }

  // ---- sizes

  @Test
  void batchOverTheTopicsLimit() {
    assertEquals(ErrorCode.NONE, create("small", 1, Map.of("max.message.bytes", "2kb")).getError().getCode());
    assertError(ErrorCode.RECORD_TOO_LARGE, api.produce("small", 0, Batches.ofSize(4096)).getError(),
        "max.message.bytes");
    assertEquals(0, endOffset("small", 0));
  }

  @Test
  void batchOverTheServerLimit() {
    assertError(ErrorCode.RECORD_TOO_LARGE, api.produce("good", 1, Batches.ofSize(1_500_000)).getError(),
        "max.message.bytes");
  }

  @Test
  void requestTooLargeToEvenReadIsRefusedByTheTransport() {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> api.produce("good", 1, Batches.ofSize(8 << 20)));
    assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode());
  }

  // ---- offsets

  @Test
  void negativeFetchOffset() {
    FetchPartitionResult r = api.fetch("good", 0, -5);
    assertError(ErrorCode.OFFSET_OUT_OF_RANGE, r.getError(), "-5");
    assertTrue(r.getError().getMessage().contains("log start") && r.getError().getMessage().contains("high watermark"));
    assertEquals(endOffset("good", 0), r.getHighWatermark());
  }

  @Test
  void fetchOffsetBeyondTheEnd() {
    long end = endOffset("good", 0);
    FetchPartitionResult r = api.fetch("good", 0, end + 10);
    assertError(ErrorCode.OFFSET_OUT_OF_RANGE, r.getError(), "valid offsets are 0 (log start) to " + end);
    assertEquals(0, r.getLogStartOffset());
    assertEquals(end, r.getHighWatermark());
  }

  @Test
  void fetchOffsetBeforeTheLogStartAfterRetention() {
    assertEquals(ErrorCode.NONE, create("retained", 1, Map.of("segment.bytes", "1kb", "retention.bytes", "1kb"))
        .getError().getCode());
    for (int i = 0; i < 20; i++) {
      assertEquals(ErrorCode.NONE, api.produce("retained", 0, Batches.ofSize(400)).getError().getCode());
    }
    Partition p = cluster.node(1).partitions().get("retained", 0).orElseThrow();
    Await.until("retention to advance the log start offset", Duration.ofSeconds(30), () -> p.logStartOffset() > 0);
    FetchPartitionResult r = api.fetch("retained", 0, 0);
    assertError(ErrorCode.OFFSET_OUT_OF_RANGE, r.getError(), "(log start)");
    assertEquals(p.logStartOffset(), r.getLogStartOffset());
    assertEquals(20, r.getHighWatermark());
    assertEquals(ErrorCode.NONE, api.fetch("retained", 0, p.logStartOffset()).getError().getCode());
  }

  // ---- topic creation

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "..", "a/b", "bad name", "caf\u00e9", "semi;colon"})
  void invalidTopicNames(String name) {
    assertEquals(ErrorCode.INVALID_TOPIC, create(name, 1, Map.of()).getError().getCode());
  }

  @Test
  void topicNameOverTheLengthLimit() {
    assertError(ErrorCode.INVALID_TOPIC, create("t".repeat(250), 1, Map.of()).getError(), "249");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, -2147483648, 100_000, 2147483647})
  void badPartitionCountsAreRefusedBeforeAnyGroupIsCreated(int partitions) {
    int groupsBefore = cluster.node(1).partitions().all().size();
    assertError(ErrorCode.INVALID_PARTITIONS, create("counted", partitions, Map.of()).getError(),
        "partition count must be between 1 and");
    assertEquals(groupsBefore, cluster.node(1).partitions().all().size());
    assertTrue(cluster.node(1).raft().metadataImage().topic("counted").isEmpty());
  }

  @Test
  void replicationFactorLargerThanTheLiveNodes() {
    CreateTopicResponse r = api.admin().createTopic(CreateTopicRequest.newBuilder().setName("wide").setPartitions(1)
        .setReplicationFactor(2).build());
    assertError(ErrorCode.INVALID_REPLICATION_FACTOR, r.getError(), "number of nodes in the ring (1)");
    CreateTopicResponse zero = api.admin().createTopic(CreateTopicRequest.newBuilder().setName("wide")
        .setPartitions(1).setReplicationFactor(0).build());
    assertEquals(ErrorCode.INVALID_REPLICATION_FACTOR, zero.getError().getCode());
  }

  @Test
  void topicThatAlreadyExists() {
    assertError(ErrorCode.TOPIC_ALREADY_EXISTS, create("good", 3, Map.of()).getError(), "good");
  }

  @Test
  void unknownTopicConfig() {
    assertError(ErrorCode.INVALID_CONFIG, create("configured", 1, Map.of("retention.msec", "5")).getError(),
        "retention.msec");
    assertError(ErrorCode.INVALID_CONFIG, create("configured", 1, Map.of("retention.ms", "soon")).getError(),
        "retention.ms");
  }

  // ---- malformed requests

  @Test
  void produceWithoutABatch() {
    ProduceResponse r = api.produce().produce(ProduceRequest.newBuilder().setTopic("good").setPartition(0).build());
    assertError(ErrorCode.INVALID_REQUEST, r.getError(), "batch");
  }

  @Test
  void batchWithABadCrc() {
    RecordBatch b = Batches.of("x").toBuilder().setCrc32C(12345).build();
    assertError(ErrorCode.CORRUPT_MESSAGE, api.produce("good", 0, b).getError(), "CRC");
  }

  @Test
  void batchLyingAboutItsRecordCount() {
    RecordBatch b = Batches.of("x", "y").toBuilder().setRecordCount(5).build();
    assertError(ErrorCode.INVALID_REQUEST, api.produce("good", 0, b).getError(), "record_count");
  }

  @Test
  void fetchNamingNoPartitions() {
    FetchResponse r = api.fetch().fetch(FetchRequest.newBuilder().setMaxWaitMs(10).build());
    assertError(ErrorCode.INVALID_REQUEST, r.getError(), "at least one partition");
  }

  @Test
  void fetchWithNegativeWaitOrDuplicatePartitions() {
    FetchPartition p = FetchPartition.newBuilder().setTopic("good").setPartition(0).build();
    assertError(ErrorCode.INVALID_REQUEST, api.fetch().fetch(FetchRequest.newBuilder().setMaxWaitMs(-1)
        .addPartitions(p).build()).getError(), "max_wait_ms");
    assertError(ErrorCode.INVALID_REQUEST, api.fetch().fetch(FetchRequest.newBuilder().addPartitions(p)
        .addPartitions(p).build()).getError(), "twice");
  }

  @Test
  void bytesThatAreNotAProtobufMessage() {
    MethodDescriptor<byte[], byte[]> raw = ProduceServiceGrpc.getProduceMethod().toBuilder(new RawBytes(), new RawBytes())
        .build();
    byte[] garbage = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f, 0x01};
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> ClientCalls.blockingUnaryCall(
        api.channel, raw, CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS), garbage));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), e.getStatus().toString());
    assertTrue(e.getStatus().getDescription().contains("rafka.v1.ProduceService/Produce"), e.getStatus().toString());
  }

  @Test
  void positionQueriesOutOfBoundsOrForPartitionsNotLedHere() {
    String goodId = cluster.node(1).partitions().get("good", 0).orElseThrow().id().topicId();
    DescribePositionsRequest.Builder tooMany = DescribePositionsRequest.newBuilder();
    for (int i = 0; i < 10_001; i++) {
      tooMany.addPartitions(PositionQuery.newBuilder().setTopic("good").setTopicId(goodId).setPartition(0));
    }
    assertError(ErrorCode.INVALID_REQUEST, api.cluster().describePositions(tooMany.build()).getError(), "10001");
    PositionQuery.Builder manyOffsets = PositionQuery.newBuilder().setTopic("good").setTopicId(goodId);
    for (long o = 0; o < 1_001; o++) {
      manyOffsets.addOffsets(o);
    }
    DescribePositionsResponse r = api.cluster().describePositions(DescribePositionsRequest.newBuilder()
        .addPartitions(manyOffsets)
        .addPartitions(PositionQuery.newBuilder().setTopic("nope").setTopicId("x").setPartition(-3))
        .addPartitions(PositionQuery.newBuilder().setTopic("good").setTopicId("another-incarnation"))
        .addPartitions(PositionQuery.newBuilder().setTopic("good").setTopicId(goodId)
            .addOffsets(Long.MIN_VALUE).addOffsets(Long.MAX_VALUE).addOffsets(0)).build());
    assertEquals(ErrorCode.NONE, r.getError().getCode());
    assertError(ErrorCode.INVALID_REQUEST, r.getPartitions(0).getError(), "1001 offsets");
    assertError(ErrorCode.NOT_LEADER, r.getPartitions(1).getError(), "nope--3");
    assertError(ErrorCode.NOT_LEADER, r.getPartitions(2).getError(), "another-incarnation");
    PartitionPosition good = r.getPartitions(3);
    assertEquals(ErrorCode.NONE, good.getError().getCode(), good.getError().getMessage());
    assertEquals(endOffset("good", 0), good.getLogEndOffset());
    assertEquals(List.of(Long.MIN_VALUE, 0L), good.getTimestampsList().stream().map(t -> t.getOffset()).toList(),
        "below the log start: the first record's time; past the end: nothing");
    assertEquals(good.getTimestamps(0).getTimestampMs(), good.getTimestamps(1).getTimestampMs());
  }

  /** Passes bytes through untouched, so a test can send a malformed message. */
  private static final class RawBytes implements MethodDescriptor.Marshaller<byte[]> {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return ByteString.readFrom(stream).toByteArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
