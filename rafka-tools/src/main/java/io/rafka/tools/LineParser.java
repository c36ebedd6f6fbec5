package io.rafka.tools;

import java.util.Set;

/**
 * Splits a console-producer input line into the record's key and value, as the {@code parse.key} and
 * {@code key.separator} properties say. Immutable and thread-safe.
 */
final class LineParser {
  static final String PARSE_KEY = "parse.key";
  static final String KEY_SEPARATOR = "key.separator";
  /** The {@code --property} keys the console producer knows. */
  static final Set<String> PROPERTIES = Set.of(PARSE_KEY, KEY_SEPARATOR);
  static final String DEFAULT_SEPARATOR = "\t";

  /** A parsed line: {@code key} is null unless keys are parsed. */
  record Line(String key, String value) {}

  private final boolean parseKey;
  private final String separator;

  /**
   * @throws IllegalArgumentException for an empty separator, which would split every line before its
   *     first character
   */
  LineParser(boolean parseKey, String separator) {
    if (separator.isEmpty()) {
      throw new IllegalArgumentException("--property " + KEY_SEPARATOR + " must not be empty");
    }
    this.parseKey = parseKey;
    this.separator = separator;
  }

  /** The parser that the console producer's {@code --property} settings ask for. */
  static LineParser from(ToolProperties properties) {
    return new LineParser(properties.flag(PARSE_KEY), properties.text(KEY_SEPARATOR, DEFAULT_SEPARATOR));
  }

  /**
   * The whole line as the value, or with {@code parse.key} the text before the first separator as the key
   * and the rest as the value.
   *
   * @param lineNumber counted from 1, for the error message
   * @throws IllegalArgumentException when keys are parsed and the line has no separator
   */
  Line parse(String line, long lineNumber) {
    if (!parseKey) {
      return new Line(null, line);
    }
    int at = line.indexOf(separator);
    if (at < 0) {
      throw new IllegalArgumentException("line " + lineNumber + " has no key separator '" + visible(separator)
          + "' (parse.key is true)");
    }
    return new Line(line.substring(0, at), line.substring(at + separator.length()));
  }

  /** The separator with tabs shown as {@code \t}, since the default one is invisible in a message. */
  private static String visible(String separator) {
    return separator.replace("\t", "\\t");
  }
}
