package io.rafka.common.config;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Values parsed and validated against a {@link ConfigDef}: every declared key has a value (its default when
 * unset), and keys the definition does not declare were refused, unless {@code passthrough} accepted them.
 * Immutable and thread-safe.
 */
public final class ConfigValues {
  private final Map<String, Object> values;
  private final Map<String, String> passthrough;

  private ConfigValues(Map<String, Object> values, Map<String, String> passthrough) {
    this.values = values;
    this.passthrough = passthrough;
  }

  /**
   * Parses {@code props} (String or already-typed values).
   *
   * @param passthrough accepts undeclared keys to keep as raw strings (e.g. a prefix handed to a library)
   * @throws ConfigException naming the key that is unknown, missing or invalid
   */
  public static ConfigValues parse(ConfigDef def, Map<?, ?> props, Predicate<String> passthrough) {
    Map<String, Object> values = new HashMap<>();
    Map<String, String> extra = new TreeMap<>();
    for (Map.Entry<?, ?> e : props.entrySet()) {
      String name = String.valueOf(e.getKey()).trim();
      ConfigKey<?> key = def.key(name);
      if (key != null) {
        values.put(name, key.parse(String.valueOf(e.getValue())));
      } else if (passthrough.test(name)) {
        extra.put(name, String.valueOf(e.getValue()).trim());
      } else {
        throw new ConfigException("Unknown configuration key '" + name + "'");
      }
    }
    for (ConfigKey<?> key : def.keys()) {
      if (!values.containsKey(key.name())) {
        if (!key.hasDefault()) {
          throw new ConfigException("Missing required configuration '" + key.name() + "': " + key.doc());
        }
        values.put(key.name(), key.defaultValue());
      }
    }
    return new ConfigValues(values, Collections.unmodifiableMap(extra));
  }

  @SuppressWarnings("unchecked")
  public <T> T get(ConfigKey<T> key) {
    Object v = values.get(key.name());
    if (v == null) {
      throw new IllegalArgumentException("not a key of this configuration: " + key.name());
    }
    return (T) v;
  }

  /** The undeclared keys that passthrough accepted, as written. */
  public Map<String, String> passthrough() {
    return passthrough;
  }
}
