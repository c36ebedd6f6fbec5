package io.rafka.server.metrics;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every metric a node exports, named in one place, and how a name carries labels.
 *
 * <p>A node keeps one Dropwizard registry. A metric of one series is registered under its base name (e.g.
 * {@code produce.requests}); a metric with labels under {@link #tagged} form, {@code base|key=value|key=value}
 * with URL-encoded values (topic names may hold dots, group ids anything). {@link PrometheusExport} turns base
 * names into Prometheus names ({@code rafka_} + the base with dots and dashes as underscores, see
 * {@link #prometheusName}) and the pairs into labels; JMX shows the registry's names as they are.
 */
public final class MetricNames {
  private MetricNames() {}

  // Requests (timers are Prometheus summaries in seconds; meters are counters, "_total").
  /** Produce requests: latency from arrival to acknowledgement; its count is the request count. */
  public static final String PRODUCE_REQUESTS = "produce.requests";
  public static final String PRODUCE_ERRORS = "produce.errors";
  public static final String PRODUCE_BYTES_IN = "produce.bytes-in";
  public static final String PRODUCE_RECORDS_IN = "produce.records-in";
  /** Fetch requests: latency from arrival to answer, long-poll waits included. */
  public static final String FETCH_REQUESTS = "fetch.requests";
  public static final String FETCH_ERRORS = "fetch.errors";
  public static final String FETCH_BYTES_OUT = "fetch.bytes-out";

  // Per partition replica on this node; labels topic, partition.
  public static final String PARTITION_LOG_END_OFFSET = "partition.log-end-offset";
  public static final String PARTITION_LOG_START_OFFSET = "partition.log-start-offset";
  /** The highest offset known committed (readable by consumers) on this replica. */
  public static final String PARTITION_HIGH_WATERMARK = "partition.high-watermark";
  public static final String PARTITION_SIZE_BYTES = "partition.size-bytes";
  public static final String PARTITION_SEGMENTS = "partition.segments";
  public static final String PARTITION_APPLIED_INDEX = "partition.applied-index";
  /** 1 when this replica leads its group, else 0. */
  public static final String PARTITION_LEADER = "partition.leader";
  /** On the leader only, per follower (label replica): Raft entries the follower's match index is behind. */
  public static final String PARTITION_REPLICA_LAG = "partition.replica-lag";

  // Consumer groups, on the node coordinating each group; label group (and topic, partition for lag).
  public static final String GROUP_MEMBERS = "group.members";
  /** The group's epoch: bumped by every membership or assignment change (Kafka's generation). */
  public static final String GROUP_GENERATION = "group.generation";
  /** Records between the group's committed offset and the partition's high watermark. */
  public static final String GROUP_LAG_RECORDS = "group.lag-records";
  /** How long the first record the group has not consumed has waited (0 when caught up). */
  public static final String GROUP_LAG_SECONDS = "group.lag-seconds";

  // The hot-read cache.
  public static final String CACHE_HITS = "cache.hits";
  public static final String CACHE_MISSES = "cache.misses";
  public static final String CACHE_EVICTIONS = "cache.evictions";
  public static final String CACHE_HIT_RATIO = "cache.hit-ratio";
  public static final String CACHE_ENTRIES = "cache.entries";
  public static final String CACHE_BYTES = "cache.bytes";
  public static final String CACHE_MAX_BYTES = "cache.max-bytes";

  // The cluster as this node's metadata copy sees it.
  /** Partitions with fewer replicas than their replication factor, or a replica on a node that is down. */
  public static final String CLUSTER_UNDER_REPLICATED = "cluster.under-replicated-partitions";
  /** Partitions with no known leader, or whose known leader is on a node that is down. */
  public static final String CLUSTER_LEADERLESS = "cluster.leaderless-partitions";
  /** Per node (label node): partitions that would lose their Raft majority if that node died now. */
  public static final String CLUSTER_QUORUM_AT_RISK = "cluster.quorum-at-risk-partitions";
  public static final String CLUSTER_NODES_DOWN = "cluster.nodes-down";

  // This node.
  public static final String NODE_GROUPS_HOSTED = "node.groups-hosted";
  public static final String NODE_LEADERS = "node.leaders";
  /** Bytes free to this process on the data directory's file system. */
  public static final String NODE_DISK_FREE_BYTES = "node.disk-free-bytes";
  public static final String NODE_DISK_TOTAL_BYTES = "node.disk-total-bytes";
  /** 1 while the node is ready (the /ready check), else 0. */
  public static final String NODE_READY = "node.ready";

  /** Ratis's own metrics are mirrored under this base ({@code ratis.<component>.<metric>}, label member). */
  public static final String RATIS_PREFIX = "ratis";

  /** The prefix of every exported Prometheus name. */
  public static final String PROMETHEUS_PREFIX = "rafka_";

  private static final char SEPARATOR = '|';

  /** {@code base|k1=v1|k2=v2...}: a registry name carrying labels, given as key, value, key, value... */
  public static String tagged(String base, String... labels) {
    if (labels.length % 2 != 0) {
      throw new IllegalArgumentException("labels come in key, value pairs, got " + labels.length + " strings");
    }
    StringBuilder name = new StringBuilder(base);
    for (int i = 0; i < labels.length; i += 2) {
      name.append(SEPARATOR).append(labels[i]).append('=')
          .append(URLEncoder.encode(labels[i + 1], StandardCharsets.UTF_8));
    }
    return name.toString();
  }

  /** The base name of a registry name, without its labels. */
  public static String base(String name) {
    int bar = name.indexOf(SEPARATOR);
    return bar < 0 ? name : name.substring(0, bar);
  }

  /** The labels a registry name carries, in order; empty for a base name. */
  public static Map<String, String> labels(String name) {
    Map<String, String> labels = new LinkedHashMap<>();
    String[] parts = name.split("\\|");
    for (int i = 1; i < parts.length; i++) {
      int eq = parts[i].indexOf('=');
      if (eq > 0) {
        labels.put(parts[i].substring(0, eq), URLDecoder.decode(parts[i].substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return labels;
  }

  /** {@code rafka_} + the base with every character Prometheus does not allow as an underscore. */
  public static String prometheusName(String name) {
    return PROMETHEUS_PREFIX + base(name).replaceAll("[^a-zA-Z0-9_]", "_");
  }
}
