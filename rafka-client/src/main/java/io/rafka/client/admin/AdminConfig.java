package io.rafka.client.admin;

import io.rafka.client.CommonClientConfigs;
import io.rafka.common.config.ConfigDef;
import io.rafka.common.config.ConfigValues;
import java.util.Map;

/** The admin client's configuration keys. Immutable and thread-safe. */
public final class AdminConfig {
  public static final ConfigDef DEF;

  static {
    ConfigDef.Builder b = ConfigDef.builder();
    b.define(CommonClientConfigs.BOOTSTRAP_SERVERS);
    b.define(CommonClientConfigs.CLIENT_ID);
    b.define(CommonClientConfigs.REQUEST_TIMEOUT_MS);
    b.define(CommonClientConfigs.RETRY_BACKOFF_MS);
    b.define(CommonClientConfigs.RETRY_BACKOFF_MAX_MS);
    b.define(CommonClientConfigs.MAX_RESPONSE_BYTES);
    DEF = b.build();
  }

  private AdminConfig() {}

  /** Parses and validates; an unknown key or bad value throws a ConfigException naming it. */
  public static ConfigValues parse(Map<String, ?> props) {
    return ConfigValues.parse(DEF, props, k -> false);
  }
}
