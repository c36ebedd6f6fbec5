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

  public static final ConfigDef DEF;

  static {
    ConfigDef.Builder b = CommonClientConfigs.builder();
    b.define(AUTO_OFFSET_RESET);
    b.define(FETCH_MIN_BYTES);
    b.define(FETCH_MAX_WAIT_MS);
    b.define(FETCH_MAX_BYTES);
    b.define(MAX_PARTITION_FETCH_BYTES);
    b.define(MAX_POLL_RECORDS);
    DEF = b.build();
  }

  private ConsumerConfig() {}

  public static ConfigValues parse(Map<String, ?> props) {
    return ConfigValues.parse(DEF, props, k -> false);
  }
}
