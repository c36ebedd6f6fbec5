package io.rafka.client.consumer;

import io.rafka.client.CommonClientConfigs;
import io.rafka.common.config.ConfigDef;
import io.rafka.common.config.ConfigKey;
import io.rafka.common.config.ConfigType;
import io.rafka.common.config.ConfigValues;
import java.util.Map;
import java.util.Set;

/** The consumer's configuration keys, each with type, default, validator and doc. Immutable. */
public final class ConsumerConfig {
  public static final ConfigKey<String> AUTO_OFFSET_RESET = ConfigKey.of("auto.offset.reset", ConfigType.STRING,
      "latest", v -> Set.of("earliest", "latest", "none").contains(v), "earliest, latest or none",
      "Where to start when a partition has no position, or its position left the log.");
  public static final ConfigKey<Integer> FETCH_MIN_BYTES = ConfigKey.of("fetch.min.bytes", ConfigType.INT, 1,
      v -> v >= 0, "not negative", "A node answers a fetch once it has this many bytes (or fetch.max.wait.ms passed).");
  public static final ConfigKey<Integer> FETCH_MAX_WAIT_MS = ConfigKey.of("fetch.max.wait.ms", ConfigType.INT, 500,
      v -> v >= 0, "not negative", "How long a node may hold a fetch waiting for fetch.min.bytes.");
  public static final ConfigKey<Integer> FETCH_MAX_BYTES = ConfigKey.of("fetch.max.bytes", ConfigType.INT,
      50 << 20, v -> v >= 1024, "at least 1024", "Most bytes one fetch response carries (at least one batch).");
  public static final ConfigKey<Integer> MAX_PARTITION_FETCH_BYTES = ConfigKey.of("max.partition.fetch.bytes",
      ConfigType.INT, 1 << 20, v -> v >= 1024, "at least 1024", "Most bytes per partition in one fetch.");
  public static final ConfigKey<Integer> MAX_POLL_RECORDS = ConfigKey.of("max.poll.records", ConfigType.INT, 500,
      v -> v >= 1, "at least 1", "Most records one poll() returns.");

  public static final ConfigKey<String> GROUP_ID = ConfigKey.of("group.id", ConfigType.STRING, "",
      v -> v.length() <= 255 && v.chars().noneMatch(c -> c < 0x20), "at most 255 printable characters",
      "The consumer group; needed for subscribe() and for committing offsets. Empty = no group.");
  public static final ConfigKey<Integer> SESSION_TIMEOUT_MS = ConfigKey.of("session.timeout.ms", ConfigType.INT,
      45_000, v -> v >= 100, "at least 100", "A member that does not heartbeat for this long leaves the group.");
  public static final ConfigKey<String> GROUP_REMOTE_ASSIGNOR = ConfigKey.of("group.remote.assignor",
      ConfigType.STRING, "sticky", v -> Set.of("sticky", "range", "roundrobin").contains(v),
      "sticky, range or roundrobin", "How the coordinator spreads partitions over the group's members.");
  public static final ConfigKey<Boolean> ENABLE_AUTO_COMMIT = ConfigKey.of("enable.auto.commit", ConfigType.BOOLEAN,
      true, "Commit positions every auto.commit.interval.ms from poll(), before giving up partitions, and at close.");
  public static final ConfigKey<Integer> AUTO_COMMIT_INTERVAL_MS = ConfigKey.of("auto.commit.interval.ms",
      ConfigType.INT, 5000, v -> v >= 1, "at least 1", "How often poll() commits positions when auto-commit is on.");

  public static final ConfigKey<String> KEY_DESERIALIZER = ConfigKey.of("key.deserializer", ConfigType.STRING,
      "", "Class of the key Deserializer, when none is passed to the constructor.");
  public static final ConfigKey<String> VALUE_DESERIALIZER = ConfigKey.of("value.deserializer", ConfigType.STRING,
      "", "Class of the value Deserializer, when none is passed to the constructor.");

  public static final ConfigDef DEF;

  static {
    ConfigDef.Builder b = CommonClientConfigs.builder();
    b.define(AUTO_OFFSET_RESET);
    b.define(FETCH_MIN_BYTES);
    b.define(FETCH_MAX_WAIT_MS);
    b.define(FETCH_MAX_BYTES);
    b.define(MAX_PARTITION_FETCH_BYTES);
    b.define(MAX_POLL_RECORDS);
    b.define(GROUP_ID);
    b.define(SESSION_TIMEOUT_MS);
    b.define(GROUP_REMOTE_ASSIGNOR);
    b.define(ENABLE_AUTO_COMMIT);
    b.define(AUTO_COMMIT_INTERVAL_MS);
    b.define(KEY_DESERIALIZER);
    b.define(VALUE_DESERIALIZER);
    DEF = b.build();
  }

  private ConsumerConfig() {}

  public static ConfigValues parse(Map<String, ?> props) {
    return ConfigValues.parse(DEF, props, k -> false);
  }
}
