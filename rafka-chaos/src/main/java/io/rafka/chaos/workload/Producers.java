package io.rafka.chaos.workload;

import io.rafka.chaos.history.HistoryEvent;
import io.rafka.client.producer.ProducerRecord;
import io.rafka.client.producer.RafkaProducer;
import io.rafka.client.producer.RecordMetadata;
import io.rafka.common.serialization.StringSerializer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Idempotent producers writing unique values ("p&lt;producer&gt;-&lt;seq&gt;") round-robin over the partitions
 * at a steady total rate, each write recorded as invoke and ok (with its offset) or info: a write the client
 * gave up on may still be in the log, so its outcome is unknown, never "failed". Runs until {@link #close()}.
 */
public final class Producers implements AutoCloseable {
  /**
   * Writes in flight per partition: a partition that takes no writes holds back only its own, so the
   * unavailability the checker measures for one partition is not caused by another's.
   */
  private static final int MAX_IN_FLIGHT_PER_PARTITION = 64;

  private final History history;
  private final List<Thread> threads = new ArrayList<>();
  private final List<RafkaProducer<String, String>> producers = new ArrayList<>();
  private final AtomicLong acknowledged = new AtomicLong();
  private volatile boolean running = true;

  /**
   * Starts {@code count} producers sharing {@code recordsPerSecond}, over partitions 0..partitions-1 of
   * {@code topic}.
   */
  public Producers(History history, Map<String, Object> clientProps, String topic, int partitions, int count,
      int recordsPerSecond) {
    this.history = history;
    for (int i = 1; i <= count; i++) {
      Map<String, Object> props = new HashMap<>(clientProps);
      props.put("client.id", "producer-" + i);
      props.put("enable.idempotence", "true");
      props.put("acks", "all");
      props.put("linger.ms", "2");
      props.put("request.timeout.ms", "5000");
      props.put("delivery.timeout.ms", "20000");
      RafkaProducer<String, String> producer =
          new RafkaProducer<>(props, new StringSerializer(), new StringSerializer());
      producers.add(producer);
      String name = "producer-" + i;
      double perSecond = (double) recordsPerSecond / count;
      int first = i - 1;
      Thread t = new Thread(() -> run(producer, name, topic, partitions, first, perSecond), name);
      t.setDaemon(true);
      threads.add(t);
    }
    threads.forEach(Thread::start);
  }

  /** Writes acknowledged so far. */
  public long acknowledged() {
    return acknowledged.get();
  }

  private void run(RafkaProducer<String, String> producer, String name, String topic, int partitions,
      int firstPartition, double perSecond) {
    Semaphore[] inFlight = new Semaphore[partitions];
    for (int p = 0; p < partitions; p++) {
      inFlight[p] = new Semaphore(MAX_IN_FLIGHT_PER_PARTITION);
    }
    long intervalNanos = (long) (1e9 / perSecond);
    long next = System.nanoTime();
    long seq = 0;
    while (running) {
      long wait = next - System.nanoTime();
      if (wait > 0) {
        sleepNanos(wait); // the pacing of a steady-rate workload
      }
      next += intervalNanos;
      int partition = (int) ((firstPartition + seq) % partitions);
      if (!inFlight[partition].tryAcquire()) {
        seq++; // this partition is stalled: skip its turn rather than queue an unbounded backlog
        continue;
      }
      String value = name.substring("producer-".length()) + "-" + seq++;
      String v = "p" + value;
      history.record(t -> HistoryEvent.produce(t, name, partition, v));
      CompletableFuture<RecordMetadata> sent;
      try {
        sent = producer.send(new ProducerRecord<>(topic, partition, null, v));
      } catch (RuntimeException e) {
        history.record(t -> HistoryEvent.produceInfo(t, name, partition, v, describe(e)));
        inFlight[partition].release();
        continue;
      }
      sent.whenComplete((m, e) -> {
        if (e == null) {
          acknowledged.incrementAndGet();
          history.record(t -> HistoryEvent.produceOk(t, name, partition, v, m.offset()));
        } else {
          history.record(t -> HistoryEvent.produceInfo(t, name, partition, v, describe(e)));
        }
        inFlight[partition].release();
      });
    }
  }

  static String describe(Throwable e) {
    Throwable c = (e instanceof java.util.concurrent.CompletionException
        || e instanceof java.util.concurrent.ExecutionException) && e.getCause() != null ? e.getCause() : e;
    return c.getClass().getSimpleName() + ": " + c.getMessage();
  }

  private static void sleepNanos(long nanos) {
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops sending, waits for writes in flight to finish (each ends as ok or info), closes the producers. */
  @Override
  public void close() throws InterruptedException {
    running = false;
    for (Thread t : threads) {
      t.join(60_000);
    }
    for (RafkaProducer<String, String> p : producers) {
      p.close();
    }
  }
}
