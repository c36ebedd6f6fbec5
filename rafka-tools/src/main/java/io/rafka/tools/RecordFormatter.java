package io.rafka.tools;

import io.rafka.client.consumer.ConsumerRecord;
import java.util.Set;

/**
 * Renders a consumed record as one line of console-consumer output, as Kafka's default message formatter
 * does: {@code Partition:P}, {@code Offset:O}, the key, then the value, each shown only when asked for (the
 * value always), joined by {@code key.separator}. A null key or value prints as {@code null}. Immutable and
 * thread-safe.
 */
final class RecordFormatter {
  static final String PRINT_KEY = "print.key";
  static final String PRINT_OFFSET = "print.offset";
  static final String PRINT_PARTITION = "print.partition";
  static final String KEY_SEPARATOR = "key.separator";
  /** The {@code --property} keys the console consumer knows. */
  static final Set<String> PROPERTIES = Set.of(PRINT_KEY, PRINT_OFFSET, PRINT_PARTITION, KEY_SEPARATOR);
  static final String DEFAULT_SEPARATOR = "\t";

  private final boolean printPartition;
  private final boolean printOffset;
  private final boolean printKey;
  private final String separator;

  RecordFormatter(boolean printPartition, boolean printOffset, boolean printKey, String separator) {
    this.printPartition = printPartition;
    this.printOffset = printOffset;
    this.printKey = printKey;
    this.separator = separator;
  }

  /** The formatter that the console consumer's {@code --property} settings ask for. */
  static RecordFormatter from(ToolProperties properties) {
    return new RecordFormatter(properties.flag(PRINT_PARTITION), properties.flag(PRINT_OFFSET),
        properties.flag(PRINT_KEY), properties.text(KEY_SEPARATOR, DEFAULT_SEPARATOR));
  }

  /** The record's line, without a line separator. */
  String format(ConsumerRecord<String, String> record) {
    StringBuilder line = new StringBuilder();
    if (printPartition) {
      line.append("Partition:").append(record.partition()).append(separator);
    }
    if (printOffset) {
      line.append("Offset:").append(record.offset()).append(separator);
    }
    if (printKey) {
      line.append(record.key()).append(separator);
    }
    return line.append(record.value()).toString();
  }
}
