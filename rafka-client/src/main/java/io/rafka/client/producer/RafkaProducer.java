package io.rafka.client.producer;

import com.codahale.metrics.MetricRegistry;
import io.rafka.client.CommonClientConfigs;
import io.rafka.client.producer.internals.ProducerEngine;
import io.rafka.common.PartitionMetadata;
import io.rafka.common.config.ConfigValues;
import io.rafka.common.config.Instances;
import io.rafka.common.serialization.Serializer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Sends records to Rafka. Thread-safe: share one producer between threads.
 *
 * <p>Records are batched per partition and sent to the partition's leader by one I/O thread, one batch in
 * flight per partition, so records to a partition are written in the order {@code send} was called. A batch
 * is acknowledged only when the partition's Raft group has committed and applied it.
 *
 * <p><b>Retries.</b> The producer retries, with exponential backoff and after refreshing metadata, every
 * error a retry may cure: NOT_LEADER, LEADERSHIP_LOST, LEADER_NOT_AVAILABLE, UNKNOWN_TOPIC_OR_PARTITION,
 * REPLICA_NOT_AVAILABLE, REQUEST_TIMED_OUT, METADATA_UNAVAILABLE, NODE_SHUTTING_DOWN, STORAGE_ERROR, and
 * nodes that do not answer within request.timeout.ms. With idempotence on (the default) a retried batch that
 * was already written is recognised by its sequence numbers and answered with its original offsets, so each
 * record is written once. Retrying stops at delivery.timeout.ms; the future then fails with a
 * {@link io.rafka.client.errors.TimeoutException} (the records may or may not have been written).
 *
 * <p><b>Errors that reach the caller at once</b> (the future fails, no retry): RECORD_TOO_LARGE,
 * INVALID_TOPIC, INVALID_PARTITIONS, CORRUPT_MESSAGE, INVALID_REQUEST, OUT_OF_ORDER_SEQUENCE,
 * INVALID_PRODUCER_EPOCH, UNSUPPORTED_COMPRESSION_TYPE, UNKNOWN_SERVER_ERROR.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class RafkaProducer<K, V> implements AutoCloseable {
  private final ProducerEngine engine;
  private final Serializer<K> keySerializer;
  private final Serializer<V> valueSerializer;

  /** A producer with these serializers (key.serializer and value.serializer are then not used). */
  public RafkaProducer(Map<String, ?> props, Serializer<K> keySerializer, Serializer<V> valueSerializer) {
    this(ProducerConfig.parse(props), Objects.requireNonNull(keySerializer, "keySerializer"),
        Objects.requireNonNull(valueSerializer, "valueSerializer"));
  }

  /** A producer whose serializers are the classes named by key.serializer and value.serializer. */
  public RafkaProducer(Map<String, ?> props) {
    this(ProducerConfig.parse(props), null, null);
  }

  @SuppressWarnings("unchecked")
  private RafkaProducer(ConfigValues config, Serializer<K> keySerializer, Serializer<V> valueSerializer) {
    this.keySerializer = keySerializer != null ? keySerializer : Instances.create(ProducerConfig.KEY_SERIALIZER,
        config.get(ProducerConfig.KEY_SERIALIZER), Serializer.class);
    this.valueSerializer = valueSerializer != null ? valueSerializer : Instances.create(
        ProducerConfig.VALUE_SERIALIZER, config.get(ProducerConfig.VALUE_SERIALIZER), Serializer.class);
    this.engine = new ProducerEngine(config, clientName(config));
  }

  private static String clientName(ConfigValues config) {
    String id = config.get(CommonClientConfigs.CLIENT_ID);
    return id.isEmpty() ? "producer-" + Integer.toHexString(System.identityHashCode(config)) : id;
  }

  /**
   * Queues a record; the future completes when it is acknowledged or has failed for good. Blocks only while
   * the buffer is full or the topic's metadata is unknown, up to max.block.ms.
   */
  public CompletableFuture<RecordMetadata> send(ProducerRecord<K, V> record) {
    Objects.requireNonNull(record, "record");
    return engine.send(record.topic(), record.partition(), record.timestamp(),
        keySerializer.serialize(record.topic(), record.key()),
        valueSerializer.serialize(record.topic(), record.value()), record.headers());
  }

  /** As {@link #send(ProducerRecord)}, and calls {@code callback} on completion (on the I/O thread). */
  public CompletableFuture<RecordMetadata> send(ProducerRecord<K, V> record, Callback callback) {
    CompletableFuture<RecordMetadata> f = send(record);
    f.whenComplete((m, e) -> callback.onCompletion(m, e == null ? null
        : (e instanceof Exception ex ? ex : new RuntimeException(e))));
    return f;
  }

  /** The topic's partitions with their leaders and replicas (waiting up to max.block.ms for metadata). */
  public List<PartitionMetadata> partitionsFor(String topic) {
    return engine.partitionsFor(Objects.requireNonNull(topic, "topic"));
  }

  /**
   * This producer's metrics (names in {@link io.rafka.client.producer.internals.ProducerMetrics}: records sent,
   * failed and retried, request latency, queue time, batch sizes, bytes sent, records pending). Attach any
   * Dropwizard reporter (JMX, Prometheus's Dropwizard bridge, ...) to it; do not register metrics in it.
   */
  public MetricRegistry metrics() {
    return engine.metrics().registry();
  }

  /** Sends everything queued now and waits until each of those records is acknowledged or failed. */
  public void flush() {
    engine.flush();
  }

  /** Sends what is queued, waiting up to {@code timeout}; what is left then fails. */
  public void close(Duration timeout) {
    engine.close(timeout);
  }

  @Override
  public void close() {
    close(Duration.ofMillis(Long.MAX_VALUE / 2_000_000));
  }
}
