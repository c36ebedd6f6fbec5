package io.rafka.client.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.rafka.client.internals.RecordBatches;
import io.rafka.common.TopicPartition;
import io.rafka.common.serialization.StringDeserializer;
import io.rafka.proto.Error;
import io.rafka.proto.ErrorCode;
import io.rafka.proto.FetchPartitionResult;
import io.rafka.proto.FetchRequest;
import io.rafka.proto.FetchResponse;
import io.rafka.proto.FetchServiceGrpc;
import io.rafka.proto.MetadataRequest;
import io.rafka.proto.MetadataResponse;
import io.rafka.proto.MetadataServiceGrpc;
import io.rafka.proto.NodeInfo;
import io.rafka.proto.PartitionMetadata;
import io.rafka.proto.TopicMetadata;
import io.rafka.protocol.BatchFrame;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A replica that has not caught up to the consumer's position (a new leader still applying, a follower) must
 * not make the consumer jump back: OFFSET_NOT_AVAILABLE is retried at the same position, while a real
 * OFFSET_OUT_OF_RANGE resets it by auto.offset.reset.
 */
class LaggingReplicaFetchTest {
  private static final TopicPartition TP = new TopicPartition("t", 0);
  private final List<Long> askedOffsets = new CopyOnWriteArrayList<>();
  private final AtomicInteger fetches = new AtomicInteger();
  private Server server;

  private void startNode(ErrorCode firstAnswer) throws Exception {
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new MetadataServiceGrpc.MetadataServiceImplBase() {
          @Override
          public void getMetadata(MetadataRequest request, StreamObserver<MetadataResponse> observer) {
            observer.onNext(MetadataResponse.newBuilder().setMetadataEpoch(1).setRespondingNode(1)
                .addNodes(NodeInfo.newBuilder().setNodeId(1).setClientAddress("127.0.0.1:" + server.getPort()))
                .addTopics(TopicMetadata.newBuilder().setName("t").setTopicId("id").setReplicationFactor(1)
                    .addPartitions(PartitionMetadata.newBuilder().setPartition(0).setLeader(1).addReplicas(1)))
                .build());
            observer.onCompleted();
          }
        })
        .addService(new FetchServiceGrpc.FetchServiceImplBase() {
          @Override
          public void fetch(FetchRequest request, StreamObserver<FetchResponse> observer) {
            long offset = request.getPartitions(0).getOffset();
            askedOffsets.add(offset);
            FetchPartitionResult.Builder r = FetchPartitionResult.newBuilder().setTopic("t").setPartition(0)
                .setLogStartOffset(0);
            if (fetches.getAndIncrement() == 0) {
              r.setError(Error.newBuilder().setCode(firstAnswer).setMessage("behind")).setHighWatermark(3);
            } else {
              r.setError(Error.newBuilder().setCode(ErrorCode.NONE)).setHighWatermark(offset + 2)
                  .setRecords(frame(offset, "a", "b"));
            }
            observer.onNext(FetchResponse.newBuilder().setError(Error.newBuilder().setCode(ErrorCode.NONE))
                .addPartitions(r).build());
            observer.onCompleted();
          }
        }).build().start();
  }

  private static ByteString frame(long baseOffset, String... values) {
    List<RecordBatches.Encoded> records = new ArrayList<>();
    for (String v : values) {
      records.add(new RecordBatches.Encoded(null, v.getBytes(StandardCharsets.UTF_8), 1000, List.of()));
    }
    ByteString batch = RecordBatches.encode(records, -1, -1, -1).toByteString();
    return ByteString.copyFrom(BatchFrame.encode(baseOffset, values.length, 1000, 1000, batch));
  }

  private List<ConsumerRecord<String, String>> consumeFrom(long position) {
    Map<String, Object> props = Map.of("bootstrap.servers", "127.0.0.1:" + server.getPort(),
        "auto.offset.reset", "latest", "retry.backoff.ms", "10", "fetch.max.wait.ms", "50");
    try (RafkaConsumer<String, String> consumer =
             new RafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.assign(List.of(TP));
      consumer.seek(TP, position);
      List<ConsumerRecord<String, String>> got = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (got.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(100)).forEach(got::add);
      }
      return got;
    }
  }

  @Test
  void aLaggingReplicaIsAskedAgainAtTheSamePosition() throws Exception {
    startNode(ErrorCode.OFFSET_NOT_AVAILABLE);
    List<ConsumerRecord<String, String>> got = consumeFrom(5);
    assertEquals(List.of(5L, 6L), got.stream().map(ConsumerRecord::offset).toList());
    assertTrue(askedOffsets.stream().allMatch(o -> o == 5), "the consumer stayed at 5: " + askedOffsets);
  }

  @Test
  void aRealOutOfRangeResetsByPolicy() throws Exception {
    startNode(ErrorCode.OFFSET_OUT_OF_RANGE);
    List<ConsumerRecord<String, String>> got = consumeFrom(5);
    assertEquals(3L, got.get(0).offset(), "latest reset to the high watermark the leader reported");
    assertEquals(List.of(5L, 3L), askedOffsets.subList(0, 2));
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (server != null) {
      server.shutdownNow().awaitTermination();
    }
  }
}
