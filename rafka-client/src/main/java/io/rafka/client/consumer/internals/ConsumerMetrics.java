package io.rafka.client.consumer.internals;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;

/**
 * A consumer's metrics, in its own Dropwizard registry (see {@code RafkaConsumer.metrics()}); names are the
 * constants below, in Kafka's spirit. Updated from the consumer's thread (and commit callbacks), read from
 * any. Thread-safe.
 */
public final class ConsumerMetrics {
  /** Records returned by poll(). */
  public static final String RECORDS_CONSUMED = "consumer.records-consumed";
  /** Record batch bytes fetched. */
  public static final String BYTES_FETCHED = "consumer.bytes-fetched";
  /** Fetch request latency, long-poll waits included. */
  public static final String FETCH_LATENCY = "consumer.fetch-latency";
  /** Fetch requests that failed as a whole (a node unreachable, a request refused). */
  public static final String FETCH_ERRORS = "consumer.fetch-errors";
  /** The most records any assigned partition's position is behind its high watermark, as last fetched. */
  public static final String RECORDS_LAG_MAX = "consumer.records-lag-max";
  /** Offset commit latency. */
  public static final String COMMIT_LATENCY = "consumer.commit-latency";
  public static final String COMMIT_ERRORS = "consumer.commit-errors";
  /** Group assignment changes taken up (partitions added or given up). */
  public static final String REBALANCES = "consumer.rebalances";
  /** Partitions currently assigned. */
  public static final String ASSIGNED_PARTITIONS = "consumer.assigned-partitions";

  private final MetricRegistry registry = new MetricRegistry();
  final Meter recordsConsumed = registry.meter(RECORDS_CONSUMED);
  final Meter bytesFetched = registry.meter(BYTES_FETCHED);
  final Timer fetchLatency = registry.timer(FETCH_LATENCY);
  final Meter fetchErrors = registry.meter(FETCH_ERRORS);
  final Timer commitLatency = registry.timer(COMMIT_LATENCY);
  final Meter commitErrors = registry.meter(COMMIT_ERRORS);
  final Meter rebalances = registry.meter(REBALANCES);
  private volatile long recordsLagMax;
  private volatile int assignedPartitions;

  public ConsumerMetrics() {
    registry.register(RECORDS_LAG_MAX, (Gauge<Long>) () -> recordsLagMax);
    registry.register(ASSIGNED_PARTITIONS, (Gauge<Integer>) () -> assignedPartitions);
  }

  public MetricRegistry registry() {
    return registry;
  }

  /** Counts the records one poll returns. */
  public void consumed(int records) {
    recordsConsumed.mark(records);
  }

  void recordsLagMax(long lag) {
    recordsLagMax = lag;
  }

  void assignedPartitions(int count) {
    assignedPartitions = count;
  }
}
