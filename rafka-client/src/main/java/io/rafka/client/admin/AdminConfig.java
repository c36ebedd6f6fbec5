package io.rafka.client.admin;

import io.rafka.client.CommonClientConfigs;
import io.rafka.common.config.ConfigDef;
import io.rafka.common.config.ConfigValues;
import java.util.Map;

/** The admin client's configuration keys. Immutable and thread-safe. */
public final class AdminConfig {
  public static final ConfigDef DEF;

  static {
    ConfigDef.Builder b = CommonClientConfigs.builder();
    DEF = b.build();
  }

  private AdminConfig() {}

  /** Parses and validates; an unknown key or bad value throws a ConfigException naming it. */
  public static ConfigValues parse(Map<String, ?> props) {
    return ConfigValues.parse(DEF, props, k -> false);
  }
}
