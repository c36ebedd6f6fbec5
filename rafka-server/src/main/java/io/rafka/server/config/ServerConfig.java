package io.rafka.server.config;

import io.rafka.common.config.ConfigDef;
import io.rafka.common.config.ConfigException;
import io.rafka.common.config.ConfigKey;
import io.rafka.common.config.ConfigType;
import io.rafka.common.config.ConfigValues;

import static io.rafka.common.config.ConfigType.BOOLEAN;
import static io.rafka.common.config.ConfigType.DURATION_TYPE;
import static io.rafka.common.config.ConfigType.INT;
import static io.rafka.common.config.ConfigType.LIST;
import static io.rafka.common.config.ConfigType.SIZE_TYPE;
import static io.rafka.common.config.ConfigType.STRING;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The configuration of one node: every key declared here once, with type, default, validator and doc, and
 * the values read from {@code server.properties}. Keys under {@code raft.} that are not declared here go to
 * Ratis unchanged. An unknown key or a bad value stops the node at start with a message that names the key.
 * Immutable and thread-safe.
 */
public final class ServerConfig {
  /** Prefix of keys passed to Ratis's RaftProperties. */
  public static final String RAFT_PREFIX = "raft.";

  private static final ConfigDef.Builder B = ConfigDef.builder();

  // ---- Identity and addresses
  public static final ConfigKey<Integer> NODE_ID = B.define(ConfigKey.required("node.id", INT,
      v -> v >= 1 && v <= 1_000_000, "an integer from 1 to 1000000",
      "Stable id of this node; never reuse an id for a different data dir."));
  public static final ConfigKey<String> API_ADDRESS = B.define(ConfigKey.of("api.address", STRING,
      "127.0.0.1:9092", ServerConfig::isHostPort, "host:port",
      "Where the client gRPC API listens (host:port; port 0 picks a free port)."));
  public static final ConfigKey<String> API_ADVERTISED_ADDRESS = B.define(ConfigKey.of(
      "api.advertised.address", STRING, "", v -> v.isEmpty() || isHostPort(v), "empty or host:port",
      "The client address other nodes and clients are told; empty = api.address."));
  public static final ConfigKey<String> PEER_ADDRESS = B.define(ConfigKey.of("peer.address", STRING,
      "127.0.0.1:9093", ServerConfig::isHostPort, "host:port",
      "Where this node's Ratis server listens for other nodes (host:port)."));
  public static final ConfigKey<String> PEER_ADVERTISED_ADDRESS = B.define(ConfigKey.of(
      "peer.advertised.address", STRING, "", v -> v.isEmpty() || isHostPort(v), "empty or host:port",
      "The Raft address other nodes are told; empty = peer.address."));
  public static final ConfigKey<String> DATA_DIR = B.define(ConfigKey.of("data.dir", STRING,
      "data/node-1", v -> !v.isBlank(), "a non-empty path",
      "Directory for this node's Raft logs, snapshots and partition segments (relative = to the working dir)."));

  // ---- Metadata group
  public static final ConfigKey<List<String>> METADATA_VOTERS = B.define(ConfigKey.of("metadata.voters",
      LIST, List.of("1@127.0.0.1:9093"), v -> !v.isEmpty() && v.stream().allMatch(ServerConfig::isVoter),
      "a non-empty list of id@host:port",
      "Voting members of the metadata Raft group, as id@peer-host:port; the same list on every node."));

  // ---- Cluster membership
  public static final ConfigKey<Boolean> RING_AUTO_JOIN = B.define(ConfigKey.of("ring.auto.join", BOOLEAN,
      true, "Whether this node enters the hash ring as soon as it registers (replicas then move to it). With false it "
          + "waits as JOINING until `rafka-admin.sh plan add-node --node N --apply`."));
  public static final ConfigKey<Duration> NODE_HEARTBEAT_TIMEOUT = B.define(ConfigKey.of(
      "node.heartbeat.timeout", DURATION_TYPE, Duration.ofSeconds(6), v -> v.toMillis() >= 500, "at least 500ms",
      "A node the metadata group's leader has not heard from for this long is reported down."));
  public static final ConfigKey<Duration> NODE_DEAD_TIMEOUT = B.define(ConfigKey.of("node.dead.timeout",
      DURATION_TYPE, Duration.ofMinutes(5), v -> v.toMillis() >= 1000, "at least 1s",
      "A node down for longer than this is reported dead and may be removed with --force, which re-places its "
          + "replicas on the survivors."));
  public static final ConfigKey<Integer> REPLICA_MOVE_MAX_CONCURRENT = B.define(ConfigKey.of(
      "replica.move.max.concurrent", INT, 2, v -> v >= 1 && v <= 64, "1 to 64",
      "Replica moves at a time per node: moves this node drives as a partition leader, and new replicas it "
          + "receives, so that catching up replicas cannot starve client traffic."));
  public static final ConfigKey<Duration> REPLICA_MOVE_TIMEOUT = B.define(ConfigKey.of("replica.move.timeout",
      DURATION_TYPE, Duration.ofMinutes(10), v -> v.toMillis() >= 1000, "at least 1s",
      "How long one reconfiguration step of a replica move may take (the new replica catching up) before it "
          + "is abandoned and tried again."));

  public static final ConfigKey<Boolean> LEADER_REBALANCE_ENABLE = B.define(ConfigKey.of(
      "leader.rebalance.enable", BOOLEAN, true,
      "Whether a partition's leader hands leadership back to its preferred replica (the first in its replica "
          + "set) when that one is alive, so leaders spread as the ring chose after restarts and moves."));
  public static final ConfigKey<Duration> LEADER_REBALANCE_INTERVAL = B.define(ConfigKey.of(
      "leader.rebalance.interval", DURATION_TYPE, Duration.ofSeconds(5), v -> v.toMillis() >= 100,
      "at least 100ms", "How often each node checks the partitions it leads for a preferred replica to hand "
          + "leadership back to."));

  // ---- Topic defaults and limits
  public static final ConfigKey<Integer> DEFAULT_REPLICATION_FACTOR = B.define(ConfigKey.of(
      "default.replication.factor", INT, 1, v -> v >= 1 && v <= 7, "1 to 7",
      "Replication factor of topics created without one."));
  public static final ConfigKey<Integer> DEFAULT_PARTITIONS = B.define(ConfigKey.of("num.partitions", INT,
      1, v -> v >= 1, "at least 1", "Partition count of topics created without one."));
  public static final ConfigKey<Integer> TOPIC_MAX_PARTITIONS = B.define(ConfigKey.of(
      "topic.max.partitions", INT, 256, v -> v >= 1 && v <= 100_000, "1 to 100000",
      "Largest partition count a topic may have; larger requests are refused before any group is created."));
  public static final ConfigKey<Integer> NODE_MAX_REPLICAS = B.define(ConfigKey.of("node.max.replicas", INT,
      300, v -> v >= 1, "at least 1",
      "Most partition replicas one node may host (each is a Raft group with its own threads and heartbeats)."));
  public static final ConfigKey<Long> MESSAGE_MAX_BYTES = B.define(ConfigKey.of("message.max.bytes",
      SIZE_TYPE, 1L << 20, v -> v >= 1024 && v <= (64L << 20), "1kb to 64mb",
      "Largest record batch a partition accepts, as sent by the producer (topic override: max.message.bytes)."));

  public static final ConfigKey<Long> MESSAGE_MAX_DECOMPRESSED_BYTES = B.define(ConfigKey.of(
      "message.max.decompressed.bytes", SIZE_TYPE, 8L << 20, v -> v >= 1024 && v <= (256L << 20), "1kb to 256mb",
      "Largest a compressed batch may decompress to; the server decompresses every batch to check it and stops "
          + "at this size, so a compression bomb costs at most this much memory."));

  // ---- Log segments and retention (topic overrides: segment.bytes, segment.ms, retention.bytes, retention.ms)
  public static final ConfigKey<Long> LOG_SEGMENT_BYTES = B.define(ConfigKey.of("log.segment.bytes",
      SIZE_TYPE, 128L << 20, v -> v >= 1024 && v <= Integer.MAX_VALUE, "1kb to 2gb",
      "Roll a partition's active segment when it would grow past this size."));
  public static final ConfigKey<Duration> LOG_SEGMENT_MS = B.define(ConfigKey.of("log.segment.ms",
      DURATION_TYPE, Duration.ofDays(7), v -> v.toMillis() >= 1, "positive",
      "Roll the active segment when its first batch is older than this (by the leader's append time)."));
  public static final ConfigKey<Long> LOG_RETENTION_BYTES = B.define(ConfigKey.of("log.retention.bytes",
      SIZE_TYPE, -1L, v -> v == -1 || v >= 0, "-1 or a size",
      "Delete a partition's oldest segments while it is larger than this; -1 = no size limit."));
  public static final ConfigKey<Duration> LOG_RETENTION_MS = B.define(ConfigKey.of("log.retention.ms",
      DURATION_TYPE, Duration.ofDays(7), v -> v.toMillis() == -1 || v.toMillis() >= 1, "-1 or positive",
      "Delete segments whose newest batch is older than this; -1 = keep forever."));
  public static final ConfigKey<Duration> LOG_RETENTION_CHECK_INTERVAL = B.define(ConfigKey.of(
      "log.retention.check.interval", DURATION_TYPE, Duration.ofMinutes(1), v -> v.toMillis() >= 10,
      "at least 10ms", "How often each partition leader checks retention."));
  public static final ConfigKey<Long> LOG_INDEX_INTERVAL_BYTES = B.define(ConfigKey.of(
      "log.index.interval.bytes", SIZE_TYPE, 4096L, v -> v >= 64 && v <= (16L << 20), "64b to 16mb",
      "Bytes of log between two entries of the sparse offset index."));

  // ---- Reads
  public static final ConfigKey<Long> CACHE_MAX_BYTES = B.define(ConfigKey.of("cache.max.bytes",
      SIZE_TYPE, 256L << 20, v -> v >= 0, "a size", "Memory for the hot-read cache of recent batches; 0 = off."));
  public static final ConfigKey<Long> FETCH_MAX_BYTES = B.define(ConfigKey.of("fetch.max.bytes",
      SIZE_TYPE, 50L << 20, v -> v >= 1024 && v <= (256L << 20), "1kb to 256mb",
      "Upper bound on one fetch response, whatever the client asks for."));
  public static final ConfigKey<Long> FETCH_PARTITION_MAX_BYTES = B.define(ConfigKey.of(
      "fetch.partition.max.bytes", SIZE_TYPE, 1L << 20, v -> v >= 1024, "at least 1kb",
      "Default per-partition cap of a fetch that does not set one."));
  public static final ConfigKey<Duration> FETCH_MAX_WAIT = B.define(ConfigKey.of("fetch.max.wait",
      DURATION_TYPE, Duration.ofSeconds(30), v -> v.toMillis() >= 0, "not negative",
      "Longest a long-poll fetch may wait, whatever the client asks for."));

  // ---- Writes
  public static final ConfigKey<Duration> PRODUCE_TIMEOUT = B.define(ConfigKey.of("produce.timeout",
      DURATION_TYPE, Duration.ofSeconds(30), v -> v.toMillis() >= 1, "positive",
      "Default (and largest) time a produce waits to commit before answering REQUEST_TIMED_OUT."));
  public static final ConfigKey<Duration> ADMIN_TIMEOUT = B.define(ConfigKey.of("admin.timeout",
      DURATION_TYPE, Duration.ofSeconds(30), v -> v.toMillis() >= 1, "positive",
      "Default time an admin request waits for the metadata group and for new partitions' leaders."));

  // ---- Consumer groups
  public static final ConfigKey<Integer> OFFSETS_TOPIC_PARTITIONS = B.define(ConfigKey.of(
      "offsets.topic.num.partitions", INT, 8, v -> v >= 1 && v <= 1000, "1 to 1000",
      "Partitions of __consumer_offsets, created on first use; each group is coordinated by one of them."));
  public static final ConfigKey<Integer> OFFSETS_TOPIC_REPLICATION_FACTOR = B.define(ConfigKey.of(
      "offsets.topic.replication.factor", INT, 3, v -> v >= 1 && v <= 7, "1 to 7",
      "Replication factor of __consumer_offsets (lowered to the node count if the cluster is smaller)."));
  public static final ConfigKey<Duration> GROUP_MIN_SESSION_TIMEOUT = B.define(ConfigKey.of(
      "group.min.session.timeout", DURATION_TYPE, Duration.ofSeconds(1), v -> v.toMillis() >= 100,
      "at least 100ms", "Shortest session timeout a consumer may ask for."));
  public static final ConfigKey<Duration> GROUP_MAX_SESSION_TIMEOUT = B.define(ConfigKey.of(
      "group.max.session.timeout", DURATION_TYPE, Duration.ofMinutes(5), v -> v.toMillis() >= 1000,
      "at least 1s", "Longest session timeout a consumer may ask for."));
  public static final ConfigKey<Duration> GROUP_HEARTBEAT_INTERVAL = B.define(ConfigKey.of(
      "group.heartbeat.interval", DURATION_TYPE, Duration.ofSeconds(3), v -> v.toMillis() >= 50,
      "at least 50ms", "How often members heartbeat (capped at a third of their session timeout)."));
  public static final ConfigKey<Duration> GROUP_LAG_REFRESH_INTERVAL = B.define(ConfigKey.of(
      "group.lag.refresh.interval", DURATION_TYPE, Duration.ofSeconds(10), v -> v.toMillis() >= 100,
      "at least 100ms", "How often a coordinator measures its groups' lag (rafka_group_lag_records and "
          + "_seconds) by asking the partitions' leaders for their end offsets and record timestamps."));

  // ---- Raft (typed keys: Ratis's own names, with defaults for many groups per node)
  public static final ConfigKey<Duration> RAFT_RPC_TIMEOUT_MIN = B.define(ConfigKey.of(
      "raft.server.rpc.timeout.min", DURATION_TYPE, Duration.ofMillis(1000), v -> v.toMillis() >= 50,
      "at least 50ms", "Lower bound of the Raft election timeout (Ratis's default of 150ms flaps on a busy host)."));
  public static final ConfigKey<Duration> RAFT_RPC_TIMEOUT_MAX = B.define(ConfigKey.of(
      "raft.server.rpc.timeout.max", DURATION_TYPE, Duration.ofMillis(2000), v -> v.toMillis() >= 100,
      "at least 100ms", "Upper bound of the Raft election timeout."));
  public static final ConfigKey<Long> RAFT_SNAPSHOT_THRESHOLD = B.define(ConfigKey.of(
      "raft.server.snapshot.auto.trigger.threshold", ConfigType.LONG, 10_000L, v -> v >= 1, "at least 1",
      "Take a snapshot of a group (and let Ratis purge its log) every this many applied entries."));
  public static final ConfigKey<Long> RAFT_LOG_SEGMENT_SIZE = B.define(ConfigKey.of(
      "raft.server.log.segment.size.max", SIZE_TYPE, 8L << 20, v -> v >= (64L << 10), "at least 64kb",
      "Size of a Raft log segment; Ratis purges whole closed segments only."));
  public static final ConfigKey<Long> RAFT_APPENDER_BYTE_LIMIT = B.define(ConfigKey.of(
      "raft.server.log.appender.buffer.byte-limit", SIZE_TYPE, 1152L << 10, v -> v >= (64L << 10),
      "at least 64kb", "Most bytes of entries in one AppendEntries call; must exceed message.max.bytes."));
  public static final ConfigKey<Boolean> RAFT_UNSAFE_FLUSH = B.define(ConfigKey.of(
      "raft.server.log.unsafe-flush.enabled", BOOLEAN, false, v -> !v, "false (acknowledged writes must be on disk)",
      "Must stay false: Rafka acknowledges a write only once a majority has it on disk."));
  public static final ConfigKey<Boolean> RAFT_ASYNC_FLUSH = B.define(ConfigKey.of(
      "raft.server.log.async-flush.enabled", BOOLEAN, false, v -> !v, "false (acknowledged writes must be on disk)",
      "Must stay false, for the same reason."));

  // ---- Metrics
  public static final ConfigKey<Boolean> METRICS_JMX_ENABLED = B.define(ConfigKey.of("metrics.jmx.enabled",
      BOOLEAN, true, "Publish the node's Dropwizard metrics over JMX."));
  public static final ConfigKey<Boolean> METRICS_RATIS_ENABLED = B.define(ConfigKey.of("metrics.ratis.enabled",
      BOOLEAN, true, "Export Ratis's own metrics (rafka_ratis_*, about 200 series per hosted Raft group). Turn "
          + "off on nodes hosting thousands of groups to keep the scrape small; Rafka's own metrics stay."));
  public static final ConfigKey<String> HTTP_ADDRESS = B.define(ConfigKey.of("http.address", STRING,
      "127.0.0.1:9644", v -> v.isEmpty() || isHostPort(v), "empty or host:port",
      "Where the node's HTTP endpoint listens: /metrics (Prometheus text format), /health (the process serves), "
          + "/ready (registered, every hosted group started and caught up). Port 0 picks a free port; empty "
          + "turns the endpoint off."));
  public static final ConfigKey<Long> READY_MAX_LAG = B.define(ConfigKey.of("ready.max.lag", ConfigType.LONG, 1000L,
      v -> v >= 0, ">= 0", "/ready holds back until every Raft group this node hosts has applied all but at most "
          + "this many entries of what its leader has committed."));

  public static final ConfigDef DEF = B.build();

  private final ConfigValues values;

  private ServerConfig(ConfigValues values) {
    this.values = values;
  }

  /** Reads a properties file. */
  public static ServerConfig load(Path file) {
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      props.load(in);
    } catch (IOException e) {
      throw new ConfigException("Cannot read configuration file " + file + ": " + e.getMessage());
    }
    return from(props);
  }

  /** Parses and validates every key; refuses unknown keys outside {@code raft.}. */
  public static ServerConfig from(Map<?, ?> props) {
    ServerConfig config = new ServerConfig(ConfigValues.parse(DEF, props, k -> k.startsWith(RAFT_PREFIX)));
    config.checkConsistency();
    return config;
  }

  private void checkConsistency() {
    if (get(RAFT_RPC_TIMEOUT_MAX).compareTo(get(RAFT_RPC_TIMEOUT_MIN)) <= 0) {
      throw new ConfigException(RAFT_RPC_TIMEOUT_MAX.name(), get(RAFT_RPC_TIMEOUT_MAX),
          "must be greater than " + RAFT_RPC_TIMEOUT_MIN.name());
    }
    if (get(RAFT_APPENDER_BYTE_LIMIT) < get(MESSAGE_MAX_BYTES) + (64L << 10)) {
      throw new ConfigException(RAFT_APPENDER_BYTE_LIMIT.name(), get(RAFT_APPENDER_BYTE_LIMIT),
          "must be at least " + MESSAGE_MAX_BYTES.name() + " + 64kb so that the largest batch fits in one "
              + "append");
    }
    if (get(MESSAGE_MAX_DECOMPRESSED_BYTES) < get(MESSAGE_MAX_BYTES)) {
      throw new ConfigException(MESSAGE_MAX_DECOMPRESSED_BYTES.name(), get(MESSAGE_MAX_DECOMPRESSED_BYTES),
          "must be at least " + MESSAGE_MAX_BYTES.name());
    }
    long nodeId = get(NODE_ID);
    boolean duplicate = metadataVoters().stream().map(MetadataVoter::nodeId).distinct().count()
        != metadataVoters().size();
    if (duplicate) {
      throw new ConfigException(METADATA_VOTERS.name(), get(METADATA_VOTERS), "a node id appears twice");
    }
    for (MetadataVoter v : metadataVoters()) {
      if (v.nodeId() == nodeId && !v.peerAddress().equals(peerAdvertisedAddress())) {
        throw new ConfigException(METADATA_VOTERS.name(), get(METADATA_VOTERS), "lists node " + nodeId
            + " at " + v.peerAddress() + " but this node's peer address is " + peerAdvertisedAddress());
      }
    }
  }

  public <T> T get(ConfigKey<T> key) {
    return values.get(key);
  }

  /** Keys under {@code raft.} that are not declared here, for Ratis as written. */
  public Map<String, String> raftPassthrough() {
    return values.passthrough();
  }

  public int nodeId() {
    return get(NODE_ID);
  }

  public String apiAdvertisedAddress() {
    String a = get(API_ADVERTISED_ADDRESS);
    return a.isEmpty() ? get(API_ADDRESS) : a;
  }

  public String peerAdvertisedAddress() {
    String a = get(PEER_ADVERTISED_ADDRESS);
    return a.isEmpty() ? get(PEER_ADDRESS) : a;
  }

  public Path dataDir() {
    return Path.of(get(DATA_DIR)).toAbsolutePath().normalize();
  }

  public List<MetadataVoter> metadataVoters() {
    return get(METADATA_VOTERS).stream().map(MetadataVoter::parse).toList();
  }

  /** Returns a copy with {@code overrides} applied on top (used by tests and the launcher). */
  public static ServerConfig withOverrides(Map<String, String> base, Map<String, String> overrides) {
    Map<String, String> all = new HashMap<>(base);
    all.putAll(overrides);
    return from(all);
  }

  /** A voter of the metadata group. */
  public record MetadataVoter(int nodeId, String peerAddress) {
    static MetadataVoter parse(String s) {
      int at = s.indexOf('@');
      return new MetadataVoter(Integer.parseInt(s.substring(0, at).trim()), s.substring(at + 1).trim());
    }
  }

  static boolean isHostPort(String v) {
    int colon = v.lastIndexOf(':');
    if (colon <= 0 || colon == v.length() - 1) {
      return false;
    }
    try {
      int port = Integer.parseInt(v.substring(colon + 1));
      return port >= 0 && port <= 65535;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isVoter(String v) {
    int at = v.indexOf('@');
    if (at <= 0) {
      return false;
    }
    try {
      return Integer.parseInt(v.substring(0, at).trim()) >= 1 && isHostPort(v.substring(at + 1).trim());
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
