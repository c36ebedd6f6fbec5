package io.rafka.client.producer.internals;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import java.util.function.IntSupplier;

/**
 * A producer's metrics, in its own Dropwizard registry (see {@code RafkaProducer.metrics()}); names are the
 * constants below, in Kafka's spirit. Thread-safe.
 */
public final class ProducerMetrics {
  /** Records acknowledged by their partition's leader (a meter: count and rates). */
  public static final String RECORD_SEND = "producer.record-send";
  /** Records whose send failed (definitely or with an unknown outcome). */
  public static final String RECORD_ERROR = "producer.record-error";
  /** Records queued to be sent again: after a retriable error, or while their partition had no known leader. */
  public static final String RECORD_RETRY = "producer.record-retry";
  /** Produce request latency, from sending a batch to its answer. */
  public static final String REQUEST_LATENCY = "producer.request-latency";
  /** How long records waited in the accumulator before their batch was first sent. */
  public static final String RECORD_QUEUE_TIME = "producer.record-queue-time";
  /** Encoded size of each batch sent, in bytes. */
  public static final String BATCH_SIZE = "producer.batch-size-bytes";
  /** Records in each batch sent. */
  public static final String BATCH_RECORDS = "producer.batch-records";
  /** Encoded batch bytes sent (retries included). */
  public static final String BYTES_SENT = "producer.bytes-sent";
  /** Records handed to send() and not yet acknowledged or failed. */
  public static final String RECORDS_PENDING = "producer.records-pending";

  private final MetricRegistry registry = new MetricRegistry();
  final Meter recordSend = registry.meter(RECORD_SEND);
  final Meter recordError = registry.meter(RECORD_ERROR);
  final Meter recordRetry = registry.meter(RECORD_RETRY);
  final Timer requestLatency = registry.timer(REQUEST_LATENCY);
  final Timer recordQueueTime = registry.timer(RECORD_QUEUE_TIME);
  final Histogram batchSize = registry.histogram(BATCH_SIZE);
  final Histogram batchRecords = registry.histogram(BATCH_RECORDS);
  final Meter bytesSent = registry.meter(BYTES_SENT);

  ProducerMetrics(IntSupplier pending) {
    registry.register(RECORDS_PENDING, (Gauge<Integer>) pending::getAsInt);
  }

  public MetricRegistry registry() {
    return registry;
  }
}
