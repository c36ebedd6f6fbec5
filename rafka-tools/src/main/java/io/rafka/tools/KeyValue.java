package io.rafka.tools;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code key=value} argument, as given to {@code --property}, {@code --config} and the
 * {@code --*-property} flags. Immutable.
 */
record KeyValue(String key, String value) {

  /**
   * Splits at the first {@code =}, so a value may itself contain {@code =}. Nothing is trimmed: a separator
   * such as {@code key.separator= } must keep its space.
   *
   * @throws IllegalArgumentException when there is no {@code =} or the key is empty
   */
  static KeyValue parse(String argument) {
    int eq = argument.indexOf('=');
    if (eq < 0) {
      throw new IllegalArgumentException("expected key=value but was '" + argument + "'");
    }
    if (eq == 0) {
      throw new IllegalArgumentException("the key is empty in '" + argument + "'");
    }
    return new KeyValue(argument.substring(0, eq), argument.substring(eq + 1));
  }

  /** The arguments as a map in the order given; a key given twice keeps its last value, as in Kafka. */
  static Map<String, String> toMap(Collection<KeyValue> arguments) {
    Map<String, String> map = new LinkedHashMap<>();
    arguments.forEach(kv -> map.put(kv.key(), kv.value()));
    return map;
  }
}
