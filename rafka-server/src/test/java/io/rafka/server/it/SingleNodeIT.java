package io.rafka.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.Gauge;
import io.rafka.client.consumer.RafkaConsumer;
import io.rafka.client.internals.RecordBatches;
import io.rafka.client.producer.ProducerRecord;
import io.rafka.client.producer.RafkaProducer;
import io.rafka.client.producer.RecordMetadata;
import io.rafka.common.TopicPartition;
import io.rafka.common.serialization.StringDeserializer;
import io.rafka.common.serialization.StringSerializer;
import io.rafka.proto.CreateTopicRequest;
import io.rafka.proto.ErrorCode;
import io.rafka.proto.FetchPartitionResult;
import io.rafka.proto.ProduceResponse;
import io.rafka.server.RafkaServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One in-process node: the read path (cache, segments, long-poll) seen from the gRPC API. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SingleNodeIT {
  private static InProcessCluster cluster;
  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    cluster = InProcessCluster.start(1, InProcessCluster.tempDir("single"), Map.of());
    api = new Api(cluster.apiAddress(1));
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

  private static void createTopic(String name, int partitions) {
    assertEquals(ErrorCode.NONE, api.admin().createTopic(CreateTopicRequest.newBuilder().setName(name)
        .setPartitions(partitions).setReplicationFactor(1).build()).getError().getCode());
  }

  private static long gauge(RafkaServer node, String name) {
    return ((Number) ((Gauge<?>) node.metrics().getGauges().get(name)).getValue()).longValue();
  }

  @Test
  void aTailFetchIsServedFromTheCacheAndAfterEvictionTheSameBytesComeFromDisk() {
    createTopic("cached", 1);
    for (int i = 0; i < 5; i++) {
      ProduceResponse r = api.produce("cached", 0, Batches.of("a" + i, "b" + i));
      assertEquals(ErrorCode.NONE, r.getError().getCode(), r.getError().getMessage());
      assertEquals(2L * i, r.getBaseOffset());
    }
    RafkaServer node = cluster.node(1);
    long hitsBefore = gauge(node, "cache.hits");
    FetchPartitionResult fromCache = api.fetch("cached", 0, 6);
    assertTrue(gauge(node, "cache.hits") > hitsBefore, "a tail fetch must hit the cache");
    assertEquals(10, fromCache.getHighWatermark());

    node.cache().clear();
    long missesBefore = gauge(node, "cache.misses");
    FetchPartitionResult fromDisk = api.fetch("cached", 0, 6);
    assertTrue(gauge(node, "cache.misses") > missesBefore, "after eviction the fetch must miss the cache");
    assertEquals(fromCache.getRecords(), fromDisk.getRecords(), "cache and segments must return the same bytes");
    List<RecordBatches.Decoded> records = RecordBatches.decode(fromDisk.getRecords(), 6);
    assertEquals(List.of("a3", "b3", "a4", "b4"), records.stream()
        .map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList());
  }

  @Test
  void aFetchAtTheEndWaitsForNewDataInsteadOfReturningEmpty() throws Exception {
    createTopic("longpoll", 1);
    CompletableFuture<FetchPartitionResult> parked =
        CompletableFuture.supplyAsync(() -> api.fetch("longpoll", 0, 0, 30_000));
    // Nothing has been written: the fetch must still be parked half a second later, not answered empty.
    assertThrows(TimeoutException.class, () -> parked.get(500, TimeUnit.MILLISECONDS));
    ProduceResponse r = api.produce("longpoll", 0, Batches.of("hello"));
    assertEquals(ErrorCode.NONE, r.getError().getCode());
    FetchPartitionResult woken = parked.get(20, TimeUnit.SECONDS);
    assertEquals(ErrorCode.NONE, woken.getError().getCode());
    assertEquals("hello", new String(RecordBatches.decode(woken.getRecords(), 0).get(0).value(),
        StandardCharsets.UTF_8));
  }

  @Test
  void aLongPollWithNothingToReadAnswersEmptyAfterItsWait() {
    createTopic("quiet", 1);
    long start = System.nanoTime();
    FetchPartitionResult r = api.fetch("quiet", 0, 0, 400);
    long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(ErrorCode.NONE, r.getError().getCode());
    assertTrue(r.getRecords().isEmpty());
    assertTrue(tookMs >= 350, "the fetch answered after " + tookMs + " ms instead of waiting about 400 ms");
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "lz4", "zstd", "gzip"})
  void eachCompressionCodecRoundTripsThroughProducerLogAndConsumer(String codec) throws Exception {
    String topic = "compressed-" + codec;
    createTopic(topic, 1);
    Map<String, Object> props = cluster.clientProps();
    props.put("compression.type", codec);
    props.put("linger.ms", "20");
    List<String> sent = new ArrayList<>();
    try (RafkaProducer<String, String> producer =
             new RafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        String value = "{\"order\":" + i + ",\"item\":\"widget-" + (i % 7) + "\",\"codec\":\"" + codec + "\"}";
        sent.add(value);
        acks.add(producer.send(new ProducerRecord<>(topic, 0, "k" + i, value)));
      }
      producer.flush();
      for (CompletableFuture<RecordMetadata> a : acks) {
        a.get(30, TimeUnit.SECONDS);
      }
    }
    long stored = cluster.node(1).partitions().get(topic, 0).orElseThrow().sizeInBytes();
    List<String> read = new ArrayList<>();
    Map<String, Object> cprops = cluster.clientProps();
    cprops.put("auto.offset.reset", "earliest");
    try (RafkaConsumer<String, String> consumer =
             new RafkaConsumer<>(cprops, new StringDeserializer(), new StringDeserializer())) {
      consumer.assign(List.of(new TopicPartition(topic, 0)));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (read.size() < sent.size() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(r -> read.add(r.value()));
      }
    }
    assertEquals(sent, read, codec + " must round-trip every record in order");
    System.out.println("codec " + codec + ": 500 records stored in " + stored + " bytes");
  }

  @Test
  void everyFetchCarriesTheHighWatermarkAndLogStartOffset() {
    createTopic("bounds", 1);
    api.produce("bounds", 0, Batches.of("x", "y", "z"));
    FetchPartitionResult r = api.fetch("bounds", 0, 1);
    assertEquals(3, r.getHighWatermark());
    assertEquals(0, r.getLogStartOffset());
    assertEquals(1, r.getServedBy());
  }
}
