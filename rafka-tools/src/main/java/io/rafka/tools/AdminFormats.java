package io.rafka.tools;

import io.rafka.client.admin.PartitionMove;
import io.rafka.tools.TextTable.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Stateless and thread-safe: how {@code rafka-admin.sh} writes the values its tables share: node lists, node
 * ids that may be unknown, sizes, durations, and the table of partition moves.
 */
final class AdminFormats {
  /** A value that is not known or does not apply. */
  static final String MISSING = "-";

  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  private static final List<Column> MOVE_COLUMNS = List.of(new Column("TOPIC", 15), new Column("PARTITION", 9),
      new Column("FROM", 8), new Column("TO", 8), new Column("SIZE", 0));

  private AdminFormats() {}

  /** Node ids joined by commas, "-" for none. */
  static String nodes(List<Integer> nodes) {
    return nodes.isEmpty() ? MISSING : nodes.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  /** A node id, "-" for -1 (none known). */
  static String node(int node) {
    return node < 0 ? MISSING : Integer.toString(node);
  }

  /** A number, "-" when it is negative (the wire's "unknown"). */
  static String known(long value) {
    return value < 0 ? MISSING : Long.toString(value);
  }

  static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }

  /** A size in binary units with one decimal ("1.5 MiB"), bytes below 1 KiB ("512 B"), "?" when unknown. */
  static String bytes(long bytes) {
    if (bytes < 0) {
      return "?";
    }
    if (bytes < 1024) {
      return bytes + " B";
    }
    int unit = 0;
    double value = bytes;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }

  /**
   * A duration as a person reads it at a glance: seconds below 10 minutes ("75s"), then minutes below 10 hours
   * ("95m"), hours below 3 days ("30h"), else days ("4d"). Negative (clock skew) counts as 0.
   */
  static String duration(long ms) {
    long s = Math.max(0, ms) / 1000;
    if (s < 600) {
      return s + "s";
    }
    if (s < 600 * 60) {
      return s / 60 + "m";
    }
    if (s < 72 * 3600) {
      return s / 3600 + "h";
    }
    return s / 86_400 + "d";
  }

  /** The table of moves: TOPIC PARTITION FROM TO BYTES, in the order given. */
  static List<String> moves(List<PartitionMove> moves) {
    List<List<String>> rows = new ArrayList<>();
    for (PartitionMove m : moves) {
      rows.add(List.of(m.topic(), Integer.toString(m.partition()), nodes(m.from()), nodes(m.to()),
          bytes(m.sizeBytes())));
    }
    return TextTable.render(MOVE_COLUMNS, rows);
  }

  /** A titled section: "Title: none" when empty, else "Title (n):" and the table's lines. */
  static List<String> section(String title, int count, List<String> table) {
    List<String> lines = new ArrayList<>();
    if (count == 0) {
      lines.add(title + ": none");
    } else {
      lines.add(title + " (" + count + "):");
      lines.addAll(table);
    }
    return lines;
  }
}
