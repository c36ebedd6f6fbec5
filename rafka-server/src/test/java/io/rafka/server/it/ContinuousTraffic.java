package io.rafka.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rafka.client.consumer.ConsumerRecord;
import io.rafka.client.consumer.RafkaConsumer;
import io.rafka.client.errors.WakeupException;
import io.rafka.client.producer.ProducerRecord;
import io.rafka.client.producer.RafkaProducer;
import io.rafka.client.producer.RecordMetadata;
import io.rafka.common.TopicPartition;
import io.rafka.common.serialization.StringDeserializer;
import io.rafka.common.serialization.StringSerializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

/**
 * Continuous produce and consume on one topic while a test changes the cluster underneath: an idempotent
 * producer writes unique values at a steady rate, a consumer reads every partition from the beginning. At the
 * end every acknowledged value must have been read exactly once, at its acknowledged offset. Not thread-safe
 * (one test thread drives it).
 */
final class ContinuousTraffic implements AutoCloseable {
  private final String topic;
  private final int partitions;
  private final Map<String, RecordMetadata> acked = new ConcurrentHashMap<>();
  private final List<Throwable> failures = new ArrayList<>();
  private final Map<String, List<Long>> readAt = new ConcurrentHashMap<>();
  private final Map<Integer, Long> readEnd = new ConcurrentHashMap<>();
  /** Where the consumer's reading jumped (a record at another offset than the next expected), for diagnosis. */
  private final List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong sent = new AtomicLong();
  private final RafkaProducer<String, String> producer;
  private final RafkaConsumer<String, String> consumer;
  private final Thread producing;
  private final Thread consuming;
  private volatile boolean stopProducing;

  ContinuousTraffic(Map<String, Object> clientProps, String topic, int partitions, int recordsPerSecond) {
    this.topic = topic;
    this.partitions = partitions;
    Map<String, Object> p = new HashMap<>(clientProps);
    p.put("linger.ms", "5");
    p.put("delivery.timeout.ms", "300000");
    p.put("request.timeout.ms", "10000");
    this.producer = new RafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    Map<String, Object> c = new HashMap<>(clientProps);
    c.put("request.timeout.ms", "10000");
    this.consumer = new RafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer());
    this.producing = new Thread(() -> produce(recordsPerSecond), "traffic-producer");
    this.consuming = new Thread(this::consume, "traffic-consumer");
    producing.start();
    consuming.start();
  }

  private void produce(int recordsPerSecond) {
    Semaphore inFlight = new Semaphore(5000);
    long intervalNanos = 1_000_000_000L / recordsPerSecond;
    long next = System.nanoTime();
    for (long i = 0; !stopProducing; i++) {
      LockSupport.parkNanos(next - System.nanoTime());
      next += intervalNanos;
      String value = "v-" + i;
      inFlight.acquireUninterruptibly();
      sent.incrementAndGet();
      producer.send(new ProducerRecord<>(topic, "k-" + i, value)).whenComplete((m, e) -> {
        inFlight.release();
        if (e != null) {
          synchronized (failures) {
            failures.add(e);
          }
        } else {
          acked.put(value, m);
        }
      });
    }
    producer.flush();
  }

  private void consume() {
    consumer.assign(IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p)).toList());
    consumer.seekToBeginning(consumer.assignment());
    try {
      while (true) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          readAt.computeIfAbsent(r.value(), v -> new ArrayList<>()).add(r.partition() * 1_000_000_000L + r.offset());
          Long expected = readEnd.get(r.partition());
          if (expected != null && expected != r.offset() && events.size() < 50) {
            events.add(System.currentTimeMillis() + ": partition " + r.partition() + " read " + r.offset()
                + " after " + (expected - 1));
          }
          readEnd.merge(r.partition(), r.offset() + 1, Math::max);
        }
      }
    } catch (WakeupException e) {
      // stop() asked us to finish.
    }
  }

  long acknowledged() {
    return acked.size();
  }

  long read() {
    return readAt.size();
  }

  /** Waits until at least {@code count} more records have been acknowledged than when called. */
  void awaitProgress(long count, Duration timeout) {
    long target = acked.size() + count;
    Await.until(count + " more acknowledged records", timeout, () -> acked.size() >= target,
        () -> "acked " + acked.size() + ", failures " + failures.size());
  }

  /**
   * Stops producing, waits for every send to finish and for the consumer to read up to every acknowledged
   * offset, then checks that each acknowledged value was read exactly once, at its acknowledged offset.
   */
  void stopAndVerify(Duration timeout) throws InterruptedException {
    stopProducing = true;
    producing.join(timeout.toMillis());
    synchronized (failures) {
      assertTrue(failures.isEmpty(), "sends failed: " + failures.stream().limit(5).toList());
    }
    assertEquals(sent.get(), acked.size(), "every send was acknowledged");
    Map<Integer, Long> ends = ends();
    Await.until("the consumer to read every acknowledged record", timeout,
        () -> ends.entrySet().stream().allMatch(e -> readEnd.getOrDefault(e.getKey(), 0L) >= e.getValue()),
        () -> "read up to " + readEnd + ", acknowledged up to " + ends);
    consumer.wakeup();
    consuming.join(timeout.toMillis());
    for (Map.Entry<String, RecordMetadata> e : acked.entrySet()) {
      List<Long> at = readAt.get(e.getKey());
      assertTrue(at != null, "acknowledged " + e.getKey() + " was never read");
      assertEquals(1, at.size(), e.getKey() + " was read " + at.size() + " times, at " + at.stream()
          .map(x -> x / 1_000_000_000L + "@" + x % 1_000_000_000L).toList() + ", acknowledged at "
          + e.getValue().partition() + "@" + e.getValue().offset() + "; consumer events: " + events);
      assertEquals(e.getValue().partition() * 1_000_000_000L + e.getValue().offset(), at.get(0),
          e.getKey() + " read at a different place than acknowledged");
    }
    assertEquals(acked.size(), readAt.size(), "the consumer read values that were never acknowledged");
    System.out.printf("traffic: %d records acknowledged and read back exactly once%n", acked.size());
  }

  /** The acknowledged end offset of each partition. */
  Map<Integer, Long> ends() {
    Map<Integer, Long> ends = new HashMap<>();
    acked.values().forEach(m -> ends.merge(m.partition(), m.offset() + 1, Math::max));
    return ends;
  }

  /** Acknowledged values by (partition, offset), for comparing replicas. */
  Map<Integer, Map<Long, String>> byOffset() {
    Map<Integer, Map<Long, String>> out = new HashMap<>();
    acked.forEach((v, m) -> out.computeIfAbsent(m.partition(), p -> new HashMap<>()).put(m.offset(), v));
    return out;
  }

  @Override
  public void close() throws InterruptedException {
    stopProducing = true;
    consumer.wakeup();
    producing.join(TimeUnit.SECONDS.toMillis(30));
    consuming.join(TimeUnit.SECONDS.toMillis(30));
    producer.close(Duration.ofSeconds(5));
    consumer.close();
  }
}
