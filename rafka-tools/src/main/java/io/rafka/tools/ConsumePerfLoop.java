package io.rafka.tools;

import io.rafka.client.consumer.ConsumerRecord;
import io.rafka.client.consumer.ConsumerRecords;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Polls and counts records and their bytes until enough were read or none came for the idle timeout, with
 * a progress line every print interval. Not thread-safe; one thread runs it, as the consumer requires.
 */
final class ConsumePerfLoop {
  /**
   * The longest single poll, as in Kafka's tool: it bounds how late a progress line or the idle timeout is
   * noticed, and costs nothing while records flow since a poll returns as soon as it has some.
   */
  static final Duration POLL_STEP = Duration.ofMillis(100);

  /** Where records come from: {@code RafkaConsumer::poll} in the tool, a fake in tests. */
  @FunctionalInterface
  interface RecordSource {
    ConsumerRecords<byte[], byte[]> poll(Duration timeout);
  }

  /**
   * What a run read, and how long it fetched: from its first poll to the record that completed it, or to
   * the last record that came before the idle timeout, which is left out so that the wait for records that
   * never came does not dilute the rates.
   */
  record Result(long records, long bytes, long fetchNanos) {}

  private final long maxRecords;
  private final long idleTimeoutNanos;
  private final long printIntervalNanos;
  private final LongSupplier nanoClock;
  private final Consumer<String> progress;

  /**
   * @param nanoClock {@code System::nanoTime}, or a fake clock in tests
   * @param progress takes each progress line
   */
  ConsumePerfLoop(long maxRecords, Duration idleTimeout, Duration printInterval, LongSupplier nanoClock,
      Consumer<String> progress) {
    this.maxRecords = maxRecords;
    this.idleTimeoutNanos = idleTimeout.toNanos();
    this.printIntervalNanos = printInterval.toNanos();
    this.nanoClock = nanoClock;
    this.progress = progress;
  }

  Result run(RecordSource source) {
    long start = nanoClock.getAsLong();
    long lastRecordAt = start;
    long lastPrintAt = start;
    long records = 0;
    long bytes = 0;
    long printedRecords = 0;
    long printedBytes = 0;
    while (records < maxRecords) {
      long now = nanoClock.getAsLong();
      if (now - lastPrintAt >= printIntervalNanos) {
        progress.accept(PerfReport.consumerInterval(records - printedRecords, bytes - printedBytes,
            now - lastPrintAt));
        lastPrintAt = now;
        printedRecords = records;
        printedBytes = bytes;
      }
      long idleFor = now - lastRecordAt;
      if (idleFor >= idleTimeoutNanos) {
        break;
      }
      ConsumerRecords<byte[], byte[]> polled =
          source.poll(Duration.ofNanos(Math.min(POLL_STEP.toNanos(), idleTimeoutNanos - idleFor)));
      if (polled.isEmpty()) {
        continue;
      }
      lastRecordAt = nanoClock.getAsLong();
      for (ConsumerRecord<byte[], byte[]> record : polled) {
        records++;
        bytes += length(record.key()) + length(record.value());
        if (records == maxRecords) {
          break;
        }
      }
    }
    return new Result(records, bytes, lastRecordAt - start);
  }

  /** Kafka counts the bytes of keys and values; a null one (no key, or a tombstone) has none. */
  private static int length(byte[] data) {
    return data == null ? 0 : data.length;
  }
}
