package io.rafka.client.producer;

import io.rafka.client.CommonClientConfigs;
import io.rafka.common.config.ConfigDef;
import io.rafka.common.config.ConfigKey;
import io.rafka.common.config.ConfigType;
import io.rafka.common.config.ConfigValues;
import java.util.Map;

/** The producer's configuration keys, each with type, default, validator and doc. Immutable. */
public final class ProducerConfig {
  public static final ConfigKey<Integer> BATCH_SIZE = ConfigKey.of("batch.size", ConfigType.INT, 262_144,
      v -> v >= 1, "at least 1", "Most bytes of records one batch for one partition collects. Larger than "
          + "Kafka's 16 KiB default: every batch is one Raft entry, replicated and fsynced on a majority, so "
          + "the cost per batch matters more than in Kafka.");
  public static final ConfigKey<Long> LINGER_MS = ConfigKey.of("linger.ms", ConfigType.LONG, 5L, v -> v >= 0,
      "not negative", "How long a partial batch waits for more records before it is sent (Kafka 4's default).");
  public static final ConfigKey<Long> BUFFER_MEMORY = ConfigKey.of("buffer.memory", ConfigType.LONG, 32L << 20,
      v -> v >= 1024, "at least 1024", "Bytes of records waiting to be sent before send() blocks.");
  public static final ConfigKey<Long> MAX_BLOCK_MS = ConfigKey.of("max.block.ms", ConfigType.LONG, 60_000L,
      v -> v >= 0, "not negative", "How long send() may block for buffer space or topic metadata.");
  public static final ConfigKey<Long> DELIVERY_TIMEOUT_MS = ConfigKey.of("delivery.timeout.ms", ConfigType.LONG,
      120_000L, v -> v >= 1, "at least 1", "Upper bound on the time from send() to success or failure, retries included.");
  public static final ConfigKey<Integer> MAX_REQUEST_SIZE = ConfigKey.of("max.request.size", ConfigType.INT,
      1 << 20, v -> v >= 1024, "at least 1024", "Largest batch (and so record) the producer sends.");
  public static final ConfigKey<Boolean> ENABLE_IDEMPOTENCE = ConfigKey.of("enable.idempotence", ConfigType.BOOLEAN,
      true, "Write each record exactly once despite retries (a producer id and per-partition sequence numbers).");

  public static final ConfigKey<Integer> MAX_IN_FLIGHT = ConfigKey.of("max.in.flight.requests.per.partition",
      ConfigType.INT, 5, v -> v >= 1 && v <= 5, "1 to 5",
      "Batches of one partition sent before the first is answered. With idempotence, order is kept for any value.");
  public static final ConfigKey<String> COMPRESSION_TYPE = ConfigKey.of("compression.type", ConfigType.STRING,
      "none", v -> java.util.Set.of("none", "lz4", "zstd", "gzip").contains(v), "none, lz4, zstd or gzip",
      "How batches are compressed; consumers decompress transparently.");

  public static final ConfigKey<String> ACKS = ConfigKey.of("acks", ConfigType.STRING, "all",
      v -> v.equals("all") || v.equals("-1"), "all (or -1): Rafka acknowledges a write once a majority of its "
          + "replicas has it on disk, and offers nothing weaker",
      "When a write is acknowledged: after the partition's Raft group committed it.");
  public static final ConfigKey<String> KEY_SERIALIZER = ConfigKey.of("key.serializer", ConfigType.STRING, "",
      "Class of the key Serializer, when none is passed to the constructor.");
  public static final ConfigKey<String> VALUE_SERIALIZER = ConfigKey.of("value.serializer", ConfigType.STRING, "",
      "Class of the value Serializer, when none is passed to the constructor.");

  public static final ConfigDef DEF;

  static {
    ConfigDef.Builder b = CommonClientConfigs.builder();
    b.define(BATCH_SIZE);
    b.define(LINGER_MS);
    b.define(BUFFER_MEMORY);
    b.define(MAX_BLOCK_MS);
    b.define(DELIVERY_TIMEOUT_MS);
    b.define(MAX_REQUEST_SIZE);
    b.define(ENABLE_IDEMPOTENCE);
    b.define(MAX_IN_FLIGHT);
    b.define(COMPRESSION_TYPE);
    b.define(ACKS);
    b.define(KEY_SERIALIZER);
    b.define(VALUE_SERIALIZER);
    DEF = b.build();
  }

  private ProducerConfig() {}

  public static ConfigValues parse(Map<String, ?> props) {
    return ConfigValues.parse(DEF, props, k -> false);
  }
}
