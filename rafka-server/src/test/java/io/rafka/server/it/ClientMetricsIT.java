package io.rafka.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.rafka.client.admin.NewTopic;
import io.rafka.client.admin.RafkaAdmin;
import io.rafka.client.consumer.RafkaConsumer;
import io.rafka.client.consumer.internals.ConsumerMetrics;
import io.rafka.client.producer.ProducerRecord;
import io.rafka.client.producer.RafkaProducer;
import io.rafka.client.producer.internals.ProducerMetrics;
import io.rafka.common.serialization.StringDeserializer;
import io.rafka.common.serialization.StringSerializer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The producer's and consumer's own metrics count what they did against a real node. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ClientMetricsIT {
  private static final String TOPIC = "counted";

  @TempDir
  Path dir;

  @Test
  void producerAndConsumerCountWhatTheyDid() throws Exception {
    try (InProcessCluster cluster = InProcessCluster.start(1, dir, Map.of());
         RafkaAdmin admin = RafkaAdmin.create(cluster.clientProps())) {
      admin.createTopic(new NewTopic(TOPIC, 3, 1)).get(60, TimeUnit.SECONDS);
      try (RafkaProducer<String, String> producer =
               new RafkaProducer<>(cluster.clientProps(), new StringSerializer(), new StringSerializer())) {
        send(producer, 1_000);
        MetricRegistry m = producer.metrics();
        assertEquals(1_000, m.meter(ProducerMetrics.RECORD_SEND).getCount());
        assertEquals(0, m.meter(ProducerMetrics.RECORD_ERROR).getCount());
        long requests = m.timer(ProducerMetrics.REQUEST_LATENCY).getCount();
        assertTrue(requests >= 3 && requests <= 1_000, "one request per batch sent: " + requests);
        assertEquals(requests, m.histogram(ProducerMetrics.BATCH_RECORDS).getCount());
        assertTrue(m.meter(ProducerMetrics.BYTES_SENT).getCount() > 1_000 * 4, "the records' bytes went out");
        assertEquals(0, gauge(m, ProducerMetrics.RECORDS_PENDING), "nothing left after every ack");
        assertTrue(m.timer(ProducerMetrics.RECORD_QUEUE_TIME).getCount() > 0);
      }

      Map<String, Object> props = new HashMap<>(cluster.clientProps());
      props.put("group.id", "counters");
      props.put("auto.offset.reset", "earliest");
      props.put("max.poll.records", 7);
      try (RafkaConsumer<String, String> consumer =
               new RafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
        consumer.subscribe(List.of(TOPIC));
        MetricRegistry m = consumer.metrics();
        long read = 0;
        long maxLag = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (read < 1_000 && System.nanoTime() < deadline) {
          read += consumer.poll(Duration.ofMillis(200)).count();
          maxLag = Math.max(maxLag, gauge(m, ConsumerMetrics.RECORDS_LAG_MAX));
        }
        assertEquals(1_000, read);
        assertTrue(maxLag > 0, "reading 7 records a poll, the consumer was behind its high watermarks");
        Await.until("the lag to reach 0 once everything is read", Duration.ofSeconds(10), () -> {
          consumer.poll(Duration.ofMillis(100));
          return gauge(m, ConsumerMetrics.RECORDS_LAG_MAX) == 0;
        });
        consumer.commitSync();
        assertEquals(1_000, m.meter(ConsumerMetrics.RECORDS_CONSUMED).getCount());
        assertTrue(m.meter(ConsumerMetrics.BYTES_FETCHED).getCount() > 1_000 * 4);
        assertTrue(m.timer(ConsumerMetrics.FETCH_LATENCY).getCount() > 0);
        assertTrue(m.timer(ConsumerMetrics.COMMIT_LATENCY).getCount() >= 1);
        assertEquals(0, m.meter(ConsumerMetrics.COMMIT_ERRORS).getCount());
        assertTrue(m.meter(ConsumerMetrics.REBALANCES).getCount() >= 1, "the group's assignment was taken up");
        assertEquals(3, gauge(m, ConsumerMetrics.ASSIGNED_PARTITIONS));
      }
    }
  }

  private static void send(RafkaProducer<String, String> producer, int count) throws Exception {
    List<CompletableFuture<?>> sends = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      sends.add(producer.send(new ProducerRecord<>(TOPIC, i % 3, null, "value-" + i)));
    }
    for (CompletableFuture<?> f : sends) {
      f.get(60, TimeUnit.SECONDS);
    }
  }

  private static long gauge(MetricRegistry m, String name) {
    return ((Number) ((Gauge<?>) m.getGauges().get(name)).getValue()).longValue();
  }
}
