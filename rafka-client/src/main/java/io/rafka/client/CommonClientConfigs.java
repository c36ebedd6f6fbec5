package io.rafka.client;

import io.rafka.common.config.ConfigDef;
import io.rafka.common.config.ConfigKey;
import io.rafka.common.config.ConfigType;
import java.util.List;

/** Keys every Rafka client takes, declared once and shared by the producer, consumer and admin configs. */
public final class CommonClientConfigs {
  public static final ConfigKey<List<String>> BOOTSTRAP_SERVERS = ConfigKey.required("bootstrap.servers",
      ConfigType.LIST, v -> !v.isEmpty() && v.stream().allMatch(s -> s.lastIndexOf(':') > 0),
      "a non-empty list of host:port", "Nodes to ask for cluster metadata first; any one is enough.");
  public static final ConfigKey<String> CLIENT_ID = ConfigKey.of("client.id", ConfigType.STRING, "",
      "A name for this client in server logs and thread names.");
  public static final ConfigKey<Long> REQUEST_TIMEOUT_MS = ConfigKey.of("request.timeout.ms", ConfigType.LONG,
      30_000L, v -> v >= 1, "at least 1", "How long to wait for one request's answer before treating the node as gone.");
  public static final ConfigKey<Long> RETRY_BACKOFF_MS = ConfigKey.of("retry.backoff.ms", ConfigType.LONG, 100L,
      v -> v >= 0, "not negative", "First wait before retrying a failed request; doubles per attempt, with jitter.");
  public static final ConfigKey<Long> RETRY_BACKOFF_MAX_MS = ConfigKey.of("retry.backoff.max.ms", ConfigType.LONG,
      1000L, v -> v >= 0, "not negative", "Longest wait between retries.");
  public static final ConfigKey<Integer> MAX_RESPONSE_BYTES = ConfigKey.of("max.response.bytes", ConfigType.INT,
      64 << 20, v -> v >= 1024, "at least 1024", "Largest response this client accepts from a node.");

  private CommonClientConfigs() {}

  /** A definition builder that already holds the keys every client takes. */
  public static ConfigDef.Builder builder() {
    ConfigDef.Builder b = ConfigDef.builder();
    b.define(BOOTSTRAP_SERVERS);
    b.define(CLIENT_ID);
    b.define(REQUEST_TIMEOUT_MS);
    b.define(RETRY_BACKOFF_MS);
    b.define(RETRY_BACKOFF_MAX_MS);
    b.define(MAX_RESPONSE_BYTES);
    return b;
  }
}
