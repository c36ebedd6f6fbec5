package io.rafka.server.metadata;

import java.util.regex.Pattern;

/** The rule for legal topic names, as in Kafka. Stateless and thread-safe. */
public final class TopicNames {
  public static final int MAX_LENGTH = 249;
  private static final Pattern LEGAL = Pattern.compile("[A-Za-z0-9._-]+");

  private TopicNames() {}

  /** Why {@code name} is not a legal topic name, or null when it is. */
  public static String problem(String name) {
    if (name == null || name.isEmpty()) {
      return "topic name is empty";
    }
    if (name.equals(".") || name.equals("..")) {
      return "topic name cannot be '.' or '..'";
    }
    if (name.length() > MAX_LENGTH) {
      return "topic name is " + name.length() + " characters long; the limit is " + MAX_LENGTH;
    }
    if (!LEGAL.matcher(name).matches()) {
      return "topic name '" + printable(name) + "' has characters outside [A-Za-z0-9._-]";
    }
    return null;
  }

  private static String printable(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().limit(80).forEach(c -> {
      if (c >= 0x20 && c < 0x7f) {
        b.appendCodePoint(c);
      } else {
        b.append(String.format("\\u%04x", c));
      }
    });
    return b.toString();
  }
}
