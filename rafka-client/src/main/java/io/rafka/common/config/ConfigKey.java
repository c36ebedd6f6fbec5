package io.rafka.common.config;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * One configuration key, declared once: name, type, default, validator and a one-line doc. Immutable and
 * thread-safe.
 *
 * @param <T> the parsed type
 */
public final class ConfigKey<T> {
  private final String name;
  private final ConfigType<T> type;
  private final T defaultValue;
  private final Predicate<T> validator;
  private final String requirement;
  private final String doc;

  private ConfigKey(String name, ConfigType<T> type, T defaultValue, Predicate<T> validator,
      String requirement, String doc) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.defaultValue = defaultValue;
    this.validator = Objects.requireNonNull(validator, "validator");
    this.requirement = requirement;
    this.doc = Objects.requireNonNull(doc, "doc");
    if (defaultValue != null && !validator.test(defaultValue)) {
      throw new IllegalArgumentException("default of " + name + " fails its own validator: " + requirement);
    }
  }

  /** A key with a default value that any value of the type satisfies. */
  public static <T> ConfigKey<T> of(String name, ConfigType<T> type, T defaultValue, String doc) {
    return new ConfigKey<>(name, type, defaultValue, v -> true, "", doc);
  }

  /** A key with a default and a validator; {@code requirement} says in words what the validator wants. */
  public static <T> ConfigKey<T> of(String name, ConfigType<T> type, T defaultValue,
      Predicate<T> validator, String requirement, String doc) {
    return new ConfigKey<>(name, type, defaultValue, validator, requirement, doc);
  }

  /** A key with no default: the configuration must set it. */
  public static <T> ConfigKey<T> required(String name, ConfigType<T> type,
      Predicate<T> validator, String requirement, String doc) {
    return new ConfigKey<>(name, type, null, validator, requirement, doc);
  }

  public String name() {
    return name;
  }

  public ConfigType<T> type() {
    return type;
  }

  public boolean hasDefault() {
    return defaultValue != null;
  }

  public T defaultValue() {
    return defaultValue;
  }

  public String doc() {
    return doc;
  }

  public String requirement() {
    return requirement;
  }

  /** Parses and validates {@code raw}, or throws a {@link ConfigException} naming this key. */
  public T parse(String raw) {
    T value;
    try {
      value = type.parse(raw);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new ConfigException(name, raw, e.getMessage() == null ? "not a valid " + type : e.getMessage());
    }
    if (!validator.test(value)) {
      throw new ConfigException(name, raw, requirement);
    }
    return value;
  }

  @Override
  public String toString() {
    return name;
  }
}
