package io.rafka.tools;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A tool's {@code --property} settings, checked against the keys the tool knows so that a misspelt key is
 * an error rather than silently ignored. Immutable and thread-safe.
 */
final class ToolProperties {
  private final Map<String, String> values;

  private ToolProperties(Map<String, String> values) {
    this.values = values;
  }

  /**
   * The given properties, later ones winning.
   *
   * @throws IllegalArgumentException naming the first key that is not in {@code known}
   */
  static ToolProperties of(Collection<KeyValue> given, Set<String> known) {
    Map<String, String> values = KeyValue.toMap(given);
    for (String key : values.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException("unknown --property '" + key + "' (known: "
            + String.join(", ", new TreeSet<>(known)) + ")");
      }
    }
    return new ToolProperties(Map.copyOf(values));
  }

  /**
   * A true/false property, false when unset.
   *
   * @throws IllegalArgumentException when it is set to anything but true or false (any case)
   */
  boolean flag(String key) {
    String raw = values.get(key);
    if (raw == null) {
      return false;
    }
    String v = raw.toLowerCase(Locale.ROOT);
    if (!v.equals("true") && !v.equals("false")) {
      throw new IllegalArgumentException("--property " + key + " must be true or false, was '" + raw + "'");
    }
    return Boolean.parseBoolean(v);
  }

  /** A property's text as given, or {@code defaultValue} when unset. */
  String text(String key, String defaultValue) {
    return values.getOrDefault(key, defaultValue);
  }
}
