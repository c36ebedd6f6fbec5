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

  private static final Map<String, String> HELP = new LinkedHashMap<>();

  /** Declares a base name with the help text /metrics shows for it. */
  private static String name(String base, String help) {
    HELP.put(base, help);
    return base;
  }

  // Requests (timers are Prometheus summaries in seconds; meters are counters, "_total").
  public static final String PRODUCE_REQUESTS = name("produce.requests",
      "Produce requests: seconds from arrival to acknowledgement (count = requests).");
  public static final String PRODUCE_ERRORS = name("produce.errors", "Produce requests answered with an error.");
  public static final String PRODUCE_BYTES_IN = name("produce.bytes-in", "Record batch bytes written.");
  public static final String PRODUCE_RECORDS_IN = name("produce.records-in", "Records written.");
  public static final String FETCH_REQUESTS = name("fetch.requests",
      "Fetch requests: seconds from arrival to answer, long-poll waits included (count = requests).");
  public static final String FETCH_ERRORS = name("fetch.errors", "Fetch requests answered with an error.");
  public static final String FETCH_BYTES_OUT = name("fetch.bytes-out", "Record batch bytes served to fetches.");

  // Per partition replica on this node; labels topic, partition.
  public static final String PARTITION_LOG_END_OFFSET = name("partition.log-end-offset",
      "The offset after the last record this replica holds.");
  public static final String PARTITION_LOG_START_OFFSET = name("partition.log-start-offset",
      "The first offset this replica still holds (retention moves it).");
  public static final String PARTITION_HIGH_WATERMARK = name("partition.high-watermark",
      "The highest offset known committed (readable by consumers) on this replica.");
  public static final String PARTITION_SIZE_BYTES = name("partition.size-bytes", "Bytes of this replica's log.");
  public static final String PARTITION_SEGMENTS = name("partition.segments", "Segment files of this replica's log.");
  public static final String PARTITION_APPLIED_INDEX = name("partition.applied-index",
      "The last Raft log index this replica applied.");
  public static final String PARTITION_LEADER = name("partition.leader",
      "1 when this replica leads its Raft group, else 0.");
  public static final String PARTITION_REPLICA_LAG = name("partition.replica-lag",
      "On the leader, per follower (label replica): Raft entries its match index is behind.");

  // Consumer groups, on the node coordinating each group; label group (and topic, partition for lag).
  public static final String GROUP_MEMBERS = name("group.members", "Members of the consumer group.");
  public static final String GROUP_GENERATION = name("group.generation",
      "The group's epoch, bumped by every membership or assignment change (Kafka's generation).");
  public static final String GROUP_LAG_RECORDS = name("group.lag-records",
      "Records between the group's committed offset and the partition's high watermark.");
  public static final String GROUP_LAG_SECONDS = name("group.lag-seconds",
      "Seconds the first record the group has not consumed has waited (0 when caught up).");

  // The hot-read cache.
  public static final String CACHE_HITS = name("cache.hits", "Reads served from the hot-read cache.");
  public static final String CACHE_MISSES = name("cache.misses", "Reads the hot-read cache could not serve.");
  public static final String CACHE_EVICTIONS = name("cache.evictions", "Entries evicted from the hot-read cache.");
  public static final String CACHE_HIT_RATIO = name("cache.hit-ratio", "Hits over reads of the hot-read cache.");
  public static final String CACHE_ENTRIES = name("cache.entries", "Record batches in the hot-read cache.");
  public static final String CACHE_BYTES = name("cache.bytes", "Bytes in the hot-read cache.");
  public static final String CACHE_MAX_BYTES = name("cache.max-bytes", "The hot-read cache's bound in bytes.");

  // The cluster as this node's metadata copy sees it.
  public static final String CLUSTER_UNDER_REPLICATED = name("cluster.under-replicated-partitions",
      "Partitions with fewer replicas than their replication factor, or a replica on a node that is down.");
  public static final String CLUSTER_LEADERLESS = name("cluster.leaderless-partitions",
      "Partitions with no known leader, or whose known leader is on a node that is down.");
  public static final String CLUSTER_QUORUM_AT_RISK = name("cluster.quorum-at-risk-partitions",
      "Per node (label node): partitions that would lose their Raft majority if that node died now.");
  public static final String CLUSTER_NODES_DOWN = name("cluster.nodes-down",
      "Registered nodes that stopped heartbeating to the metadata group.");

  // This node.
  public static final String NODE_GROUPS_HOSTED = name("node.groups-hosted", "Raft groups this node hosts.");
  public static final String NODE_LEADERS = name("node.leaders", "Partition groups this node leads.");
  public static final String NODE_DISK_FREE_BYTES = name("node.disk-free-bytes",
      "Bytes free to this process on the data directory's file system.");
  public static final String NODE_DISK_TOTAL_BYTES = name("node.disk-total-bytes",
      "Bytes of the data directory's file system.");
  public static final String NODE_READY = name("node.ready", "1 while the node is ready (the /ready check), else 0.");

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

  /** The help text of a registry name's base; Ratis's metrics and undeclared ones get a generic one. */
  public static String help(String name) {
    String base = base(name);
    String help = HELP.get(base);
    if (help != null) {
      return help;
    }
    return base.startsWith(RATIS_PREFIX + ".") ? "Apache Ratis metric " + base.substring(RATIS_PREFIX.length() + 1)
        + " (label member: node@group)." : "Dropwizard metric " + base + ".";
  }

  /** Every declared base name. */
  public static java.util.Set<String> declared() {
    return java.util.Collections.unmodifiableSet(HELP.keySet());
  }

  /** {@code rafka_} + the base with every character Prometheus does not allow as an underscore. */
  public static String prometheusName(String name) {
    return PROMETHEUS_PREFIX + base(name).replaceAll("[^a-zA-Z0-9_]", "_");
  }
}
