package io.rafka.common.config;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An ordered set of declared keys. Immutable once built and thread-safe.
 */
public final class ConfigDef {
  private final Map<String, ConfigKey<?>> keys;

  private ConfigDef(Map<String, ConfigKey<?>> keys) {
    this.keys = Collections.unmodifiableMap(keys);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Collection<ConfigKey<?>> keys() {
    return keys.values();
  }

  public ConfigKey<?> key(String name) {
    return keys.get(name);
  }

  public boolean contains(String name) {
    return keys.containsKey(name);
  }

  /** Collects keys in declaration order; a name declared twice is a programming error. */
  public static final class Builder {
    private final Map<String, ConfigKey<?>> keys = new LinkedHashMap<>();

    public <T> ConfigKey<T> define(ConfigKey<T> key) {
      if (keys.putIfAbsent(key.name(), key) != null) {
        throw new IllegalStateException("configuration key declared twice: " + key.name());
      }
      return key;
    }

    public ConfigDef build() {
      return new ConfigDef(new LinkedHashMap<>(keys));
    }
  }
}
