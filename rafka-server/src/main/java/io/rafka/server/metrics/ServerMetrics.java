package io.rafka.server.metrics;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;

/**
 * The node's request metrics, named in one place. Per-partition gauges live with the partition registry and
 * cache gauges with the cache; all go into the node's one {@link MetricRegistry}. Thread-safe.
 */
public final class ServerMetrics {
  public static final String PRODUCE_REQUESTS = "produce.requests";
  public static final String PRODUCE_ERRORS = "produce.errors";
  public static final String PRODUCE_BYTES_IN = "produce.bytes-in";
  public static final String PRODUCE_RECORDS_IN = "produce.records-in";
  public static final String FETCH_REQUESTS = "fetch.requests";
  public static final String FETCH_ERRORS = "fetch.errors";
  public static final String FETCH_BYTES_OUT = "fetch.bytes-out";

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
    this.produceRequests = registry.timer(PRODUCE_REQUESTS);
    this.produceErrors = registry.meter(PRODUCE_ERRORS);
    this.produceBytesIn = registry.meter(PRODUCE_BYTES_IN);
    this.produceRecordsIn = registry.meter(PRODUCE_RECORDS_IN);
    this.fetchRequests = registry.timer(FETCH_REQUESTS);
    this.fetchErrors = registry.meter(FETCH_ERRORS);
    this.fetchBytesOut = registry.meter(FETCH_BYTES_OUT);
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
