package io.rafka.server.config;

import io.rafka.common.config.ConfigDef;
import io.rafka.common.config.ConfigException;
import io.rafka.common.config.ConfigKey;
import io.rafka.common.config.ConfigType;

import java.time.Duration;
import java.util.Map;

/**
 * The per-topic settings: each key may be set when the topic is created; unset keys take the server's
 * {@code log.*} / {@code message.max.bytes} defaults. Immutable and thread-safe.
 */
public final class TopicConfig {
  private static final ConfigDef.Builder B = ConfigDef.builder();

  public static final ConfigKey<Long> SEGMENT_BYTES = B.define(ConfigKey.of("segment.bytes",
      ConfigType.SIZE_TYPE, null, v -> v >= 1024 && v <= Integer.MAX_VALUE, "1kb to 2gb",
      "Segment size for this topic (default: log.segment.bytes)."));
  public static final ConfigKey<Duration> SEGMENT_MS = B.define(ConfigKey.of("segment.ms",
      ConfigType.DURATION_TYPE, null, v -> v.toMillis() >= 1, "positive",
      "Segment age before a roll (default: log.segment.ms)."));
  public static final ConfigKey<Long> RETENTION_BYTES = B.define(ConfigKey.of("retention.bytes",
      ConfigType.SIZE_TYPE, null, v -> v == -1 || v >= 0, "-1 or a size",
      "Size retention per partition (default: log.retention.bytes)."));
  public static final ConfigKey<Duration> RETENTION_MS = B.define(ConfigKey.of("retention.ms",
      ConfigType.DURATION_TYPE, null, v -> v.toMillis() == -1 || v.toMillis() >= 1, "-1 or positive",
      "Time retention (default: log.retention.ms)."));
  public static final ConfigKey<Long> MAX_MESSAGE_BYTES = B.define(ConfigKey.of("max.message.bytes",
      ConfigType.SIZE_TYPE, null, v -> v >= 1024 && v <= (64L << 20), "1kb to 64mb",
      "Largest batch this topic accepts (default: message.max.bytes; capped by it)."));

  public static final ConfigDef DEF = B.build();

  private final long segmentBytes;
  private final long segmentMs;
  private final long retentionBytes;
  private final long retentionMs;
  private final int maxMessageBytes;

  private TopicConfig(long segmentBytes, long segmentMs, long retentionBytes, long retentionMs,
      int maxMessageBytes) {
    this.segmentBytes = segmentBytes;
    this.segmentMs = segmentMs;
    this.retentionBytes = retentionBytes;
    this.retentionMs = retentionMs;
    this.maxMessageBytes = maxMessageBytes;
  }

  /**
   * Checks a topic's overrides: unknown keys and bad values throw a {@link ConfigException} naming the key.
   */
  public static void validate(Map<String, String> overrides, ServerConfig server) {
    resolve(overrides, server);
  }

  /** The topic's effective settings: its overrides on top of the server defaults. */
  public static TopicConfig resolve(Map<String, String> overrides, ServerConfig server) {
    for (String k : overrides.keySet()) {
      if (!DEF.contains(k)) {
        throw new ConfigException("Unknown topic configuration key '" + k + "'");
      }
    }
    long maxMessage = pick(overrides, MAX_MESSAGE_BYTES, server.get(ServerConfig.MESSAGE_MAX_BYTES));
    if (maxMessage > server.get(ServerConfig.MESSAGE_MAX_BYTES)) {
      throw new ConfigException(MAX_MESSAGE_BYTES.name(), maxMessage,
          "must not exceed the server's message.max.bytes (" + server.get(ServerConfig.MESSAGE_MAX_BYTES) + ")");
    }
    return new TopicConfig(
        pick(overrides, SEGMENT_BYTES, server.get(ServerConfig.LOG_SEGMENT_BYTES)),
        pick(overrides, SEGMENT_MS, server.get(ServerConfig.LOG_SEGMENT_MS)).toMillis(),
        pick(overrides, RETENTION_BYTES, server.get(ServerConfig.LOG_RETENTION_BYTES)),
        pick(overrides, RETENTION_MS, server.get(ServerConfig.LOG_RETENTION_MS)).toMillis(),
        (int) maxMessage);
  }

  private static <T> T pick(Map<String, String> overrides, ConfigKey<T> key, T fallback) {
    String raw = overrides.get(key.name());
    return raw == null ? fallback : key.parse(raw);
  }

  public long segmentBytes() {
    return segmentBytes;
  }

  public long segmentMs() {
    return segmentMs;
  }

  /** -1 = unlimited. */
  public long retentionBytes() {
    return retentionBytes;
  }

  /** -1 = forever. */
  public long retentionMs() {
    return retentionMs;
  }

  public int maxMessageBytes() {
    return maxMessageBytes;
  }
}
