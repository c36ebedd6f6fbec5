package io.rafka.chaos.workload;

import io.rafka.chaos.history.HistoryEvent;
import io.rafka.client.producer.ProducerRecord;
import io.rafka.client.producer.RafkaProducer;
import io.rafka.common.serialization.StringSerializer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Single writes that ask "does this partition take a write now?" for the health checks; every probe is a
 * unique value recorded in the history like any other write, so the checker accounts for it. Thread-safe.
 */
public final class Probe implements AutoCloseable {
  private static final String NAME = "probe";

  private final History history;
  private final String topic;
  private final RafkaProducer<String, String> producer;
  private final AtomicLong seq = new AtomicLong();

  public Probe(History history, Map<String, Object> clientProps, String topic) {
    this.history = history;
    this.topic = topic;
    Map<String, Object> props = new HashMap<>(clientProps);
    props.put("client.id", NAME);
    props.put("enable.idempotence", "true");
    props.put("linger.ms", "0");
    props.put("request.timeout.ms", "3000");
    props.put("delivery.timeout.ms", "8000");
    this.producer = new RafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }

  /** Writes one record to the partition; true if it was acknowledged. */
  public boolean write(int partition) {
    String value = NAME + "-" + seq.getAndIncrement();
    history.record(t -> HistoryEvent.produce(t, NAME, partition, value));
    try {
      long offset = producer.send(new ProducerRecord<>(topic, partition, null, value)).get(15, TimeUnit.SECONDS)
          .offset();
      history.record(t -> HistoryEvent.produceOk(t, NAME, partition, value, offset));
      return true;
    } catch (ExecutionException | TimeoutException e) {
      history.record(t -> HistoryEvent.produceInfo(t, NAME, partition, value, Producers.describe(e)));
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      history.record(t -> HistoryEvent.produceInfo(t, NAME, partition, value, "interrupted"));
      return false;
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
