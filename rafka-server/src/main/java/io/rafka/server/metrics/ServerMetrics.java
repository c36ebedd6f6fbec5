package io.rafka.server.metrics;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;

/**
 * The node's request metrics (names in {@link MetricNames}). Per-partition gauges live with the partition
 * registry and cache gauges with the cache; all go into the node's one {@link MetricRegistry}. Thread-safe.
 */
public final class ServerMetrics {

  private final MetricRegistry registry;
  private final Timer produceRequests;
  private final Meter produceErrors;
  private final Meter produceBytesIn;
  private final Meter produceRecordsIn;
  private final Timer fetchRequests;
  private final Meter fetchErrors;
  private final Meter fetchBytesOut;

  public ServerMetrics(MetricRegistry registry) {
    this.registry = registry;
    this.produceRequests = registry.timer(MetricNames.PRODUCE_REQUESTS);
    this.produceErrors = registry.meter(MetricNames.PRODUCE_ERRORS);
    this.produceBytesIn = registry.meter(MetricNames.PRODUCE_BYTES_IN);
    this.produceRecordsIn = registry.meter(MetricNames.PRODUCE_RECORDS_IN);
    this.fetchRequests = registry.timer(MetricNames.FETCH_REQUESTS);
    this.fetchErrors = registry.meter(MetricNames.FETCH_ERRORS);
    this.fetchBytesOut = registry.meter(MetricNames.FETCH_BYTES_OUT);
  }

  public MetricRegistry registry() {
    return registry;
  }

  /** Produce latency from arrival to acknowledgement; its count is the request rate. */
  public Timer produceRequests() {
    return produceRequests;
  }

  public Meter produceErrors() {
    return produceErrors;
  }

  public Meter produceBytesIn() {
    return produceBytesIn;
  }

  public Meter produceRecordsIn() {
    return produceRecordsIn;
  }

  /** Fetch latency from arrival to answer (long-poll waits included). */
  public Timer fetchRequests() {
    return fetchRequests;
  }

  public Meter fetchErrors() {
    return fetchErrors;
  }

  public Meter fetchBytesOut() {
    return fetchBytesOut;
  }
}
