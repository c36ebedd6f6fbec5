package io.rafka.common.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a configuration value is written in a properties file and parsed into a Java value. Immutable and
 * thread-safe.
 *
 * @param <T> the parsed type
 */
public final class ConfigType<T> {
  private static final Pattern DURATION = Pattern.compile("(-?\\d+)\\s*(ms|s|m|h|d)?");
  private static final Pattern SIZE = Pattern.compile("(-?\\d+)\\s*(b|kb|mb|gb|k|m|g)?");

  public static final ConfigType<String> STRING = new ConfigType<>("string", String::trim, s -> s);
  public static final ConfigType<Integer> INT = new ConfigType<>("int", s -> Integer.parseInt(s.trim()), String::valueOf);
  public static final ConfigType<Long> LONG = new ConfigType<>("long", s -> Long.parseLong(s.trim()), String::valueOf);
  public static final ConfigType<Boolean> BOOLEAN = new ConfigType<>("boolean", ConfigType::parseBoolean, String::valueOf);
  /** A duration: a number with an optional unit ms, s, m, h or d (default ms). -1 means "never". */
  public static final ConfigType<Duration> DURATION_TYPE =
      new ConfigType<>("duration", ConfigType::parseDuration, d -> d.toMillis() + "ms");
  /** A size in bytes: a number with an optional unit b, kb, mb or gb (powers of 1024). -1 means "unlimited". */
  public static final ConfigType<Long> SIZE_TYPE = new ConfigType<>("size", ConfigType::parseSize, String::valueOf);
  /** A comma-separated list; blanks are dropped. */
  public static final ConfigType<List<String>> LIST =
      new ConfigType<>("list", ConfigType::parseList, l -> String.join(",", l));

  private final String name;
  private final Function<String, T> parser;
  private final Function<T, String> printer;

  private ConfigType(String name, Function<String, T> parser, Function<T, String> printer) {
    this.name = name;
    this.parser = parser;
    this.printer = printer;
  }

  public String name() {
    return name;
  }

  /** Parses {@code raw}; throws {@link IllegalArgumentException} with a reason when it is malformed. */
  public T parse(String raw) {
    try {
      return parser.apply(raw);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a valid " + name, e);
    }
  }

  public String print(T value) {
    return printer.apply(value);
  }

  private static Boolean parseBoolean(String s) {
    String v = s.trim().toLowerCase(Locale.ROOT);
    if (v.equals("true") || v.equals("false")) {
      return Boolean.valueOf(v);
    }
    throw new IllegalArgumentException("expected true or false");
  }

  private static Duration parseDuration(String s) {
    Matcher m = DURATION.matcher(s.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("expected a duration such as 500ms, 2s, 5m, 1h or 7d");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "ms" : m.group(2);
    switch (unit) {
      case "ms": return Duration.ofMillis(n);
      case "s": return Duration.ofSeconds(n);
      case "m": return Duration.ofMinutes(n);
      case "h": return Duration.ofHours(n);
      case "d": return Duration.ofDays(n);
      default: throw new IllegalArgumentException("unknown unit " + unit);
    }
  }

  private static Long parseSize(String s) {
    Matcher m = SIZE.matcher(s.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("expected a size such as 4096, 64kb, 256mb or 1gb");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2);
    long factor;
    switch (unit) {
      case "b": factor = 1; break;
      case "k": case "kb": factor = 1L << 10; break;
      case "m": case "mb": factor = 1L << 20; break;
      case "g": case "gb": factor = 1L << 30; break;
      default: throw new IllegalArgumentException("unknown unit " + unit);
    }
    return Math.multiplyExact(n, factor);
  }

  private static List<String> parseList(String s) {
    return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
  }

  @Override
  public String toString() {
    return name;
  }
}
