package io.rafka.tools;

import io.rafka.client.consumer.ConsumerRecord;
import io.rafka.client.consumer.ConsumerRecords;
import java.io.IOException;
import java.io.Writer;
import io.rafka.common.TopicPartition;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Writes polled records, one formatted line each, until enough were written, no record came for the idle
 * timeout, or {@link #stop()} was called. Not thread-safe, except {@link #stop()}, which any thread may
 * call (the Ctrl-C hook does).
 */
final class ConsumeLoop {
  /**
   * The longest single poll, which bounds how long a stop request waits for the loop to notice it; short
   * polls cost little since a poll returns as soon as records arrive. The consumer's wakeup() is not used
   * instead: one that lands before the loop starts would fail the setup's offset lookup rather than stop it.
   */
  static final long POLL_STEP_NANOS = Duration.ofMillis(200).toNanos();

  /** Where records come from: {@code RafkaConsumer::poll} in the tool, a fake in tests. */
  @FunctionalInterface
  interface RecordSource {
    ConsumerRecords<String, String> poll(Duration timeout);
  }

  private final RecordFormatter formatter;
  private final Writer out;
  private final long maxMessages;
  private final long idleTimeoutNanos;
  private final LongSupplier nanoClock;
  private final Map<TopicPartition, Long> unwritten = new HashMap<>();
  private volatile boolean stopped;
  private long written;

  /**
   * @param maxMessages stop after writing this many records ({@code Long.MAX_VALUE}: never)
   * @param idleTimeoutMs stop when no record came for this long ({@code Long.MAX_VALUE}: never)
   * @param nanoClock {@code System::nanoTime}, or a fake clock in tests
   */
  ConsumeLoop(RecordFormatter formatter, Writer out, long maxMessages, long idleTimeoutMs, LongSupplier nanoClock) {
    this.formatter = formatter;
    this.out = out;
    this.maxMessages = maxMessages;
    this.idleTimeoutNanos = idleTimeoutMs == Long.MAX_VALUE ? Long.MAX_VALUE
        : Duration.ofMillis(idleTimeoutMs).toNanos();
    this.nanoClock = nanoClock;
  }

  /**
   * Polls and writes until a stop condition holds. Output is flushed after every poll that returned
   * records, so a reader sees them promptly without a flush per line.
   *
   * @throws IOException when the output cannot be written (a closed pipe, say)
   */
  void run(RecordSource source) throws IOException {
    long lastRecordAt = nanoClock.getAsLong();
    while (!stopped && written < maxMessages) {
      long idleFor = nanoClock.getAsLong() - lastRecordAt;
      if (idleFor >= idleTimeoutNanos) {
        break;
      }
      ConsumerRecords<String, String> records =
          source.poll(Duration.ofNanos(Math.min(POLL_STEP_NANOS, idleTimeoutNanos - idleFor)));
      if (records.isEmpty()) {
        continue;
      }
      lastRecordAt = nanoClock.getAsLong();
      for (ConsumerRecord<String, String> record : records) {
        if (written == maxMessages) {
          unwritten.putIfAbsent(new TopicPartition(record.topic(), record.partition()), record.offset());
        } else {
          out.write(formatter.format(record));
          out.write('\n');
          written++;
        }
      }
      out.flush();
    }
    out.flush();
  }

  /** Asks the loop to end after its current poll. */
  void stop() {
    stopped = true;
  }

  /**
   * Per partition, the offset of the first record that was polled but not written because
   * {@code maxMessages} was reached: where a consumer must stand for its next reader to get that record.
   */
  Map<TopicPartition, Long> unwritten() {
    return Map.copyOf(unwritten);
  }

  /** How many records were written so far. */
  long written() {
    return written;
  }
}
