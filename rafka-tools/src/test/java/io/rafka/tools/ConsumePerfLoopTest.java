package io.rafka.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rafka.client.consumer.ConsumerRecord;
import io.rafka.client.consumer.ConsumerRecords;
import io.rafka.common.TopicPartition;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsumePerfLoopTest {
  private static final Duration NEVER = Duration.ofDays(365);

  /**
   * A consumer stand-in on a fake clock: each queued poll takes {@code pollNanos} and returns its records;
   * when none is left, a poll waits out its timeout and returns nothing.
   */
  private static final class FakeSource implements ConsumePerfLoop.RecordSource {
    final AtomicLong clock = new AtomicLong();
    final Deque<ConsumerRecords<byte[], byte[]>> polls = new ArrayDeque<>();
    final List<Duration> timeouts = new ArrayList<>();
    long pollNanos;

    @Override
    public ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
      timeouts.add(timeout);
      if (polls.isEmpty()) {
        clock.addAndGet(timeout.toNanos());
        return ConsumerRecords.empty();
      }
      clock.addAndGet(pollNanos);
      return polls.poll();
    }

    /** Queues a poll that returns {@code count} records with a key of {@code keySize} and a value of {@code valueSize} bytes (-1: null). */
    FakeSource add(int count, int keySize, int valueSize) {
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        records.add(new ConsumerRecord<>("t", 0, i, 0, keySize < 0 ? null : new byte[keySize],
            valueSize < 0 ? null : new byte[valueSize], List.of()));
      }
      polls.add(new ConsumerRecords<>(Map.of(new TopicPartition("t", 0), records)));
      return this;
    }
  }

  private final List<String> progress = new ArrayList<>();

  private ConsumePerfLoop loop(FakeSource source, long max, Duration idleTimeout, Duration printInterval) {
    return new ConsumePerfLoop(max, idleTimeout, printInterval, source.clock::get, progress::add);
  }

  @Test
  void countsRecordsAndTheBytesOfKeysAndValues() {
    FakeSource source = new FakeSource().add(2, 10, 100).add(3, -1, 50).add(1, 5, -1);
    ConsumePerfLoop.Result result = loop(source, 6, NEVER, NEVER).run(source);
    assertEquals(new ConsumePerfLoop.Result(6, 2 * 110 + 3 * 50 + 5, 0), result);
  }

  @Test
  void stopsAtTheNumberAskedForEvenInTheMiddleOfAPoll() {
    FakeSource source = new FakeSource().add(4, -1, 10).add(4, -1, 10);
    source.pollNanos = 1_000_000;
    ConsumePerfLoop.Result result = loop(source, 6, NEVER, NEVER).run(source);
    assertEquals(new ConsumePerfLoop.Result(6, 60, 2_000_000), result);
    assertEquals(2, source.timeouts.size());
  }

  @Test
  void givesUpAfterTheIdleTimeoutAndLeavesTheWaitOutOfTheFetchTime() {
    FakeSource source = new FakeSource().add(3, -1, 10);
    source.pollNanos = 7_000_000;
    ConsumePerfLoop.Result result = loop(source, 10, Duration.ofMillis(250), NEVER).run(source);
    assertEquals(new ConsumePerfLoop.Result(3, 30, 7_000_000), result);
    // The wait: polls of 100 ms at most, the last one ending exactly at the timeout.
    assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(100),
        Duration.ofMillis(50)), source.timeouts);
    assertEquals(7_000_000 + 250_000_000, source.clock.get());
  }

  @Test
  void nothingReadIsAResultOfZeros() {
    FakeSource source = new FakeSource();
    assertEquals(new ConsumePerfLoop.Result(0, 0, 0), loop(source, 10, Duration.ofMillis(300), NEVER).run(source));
  }

  @Test
  void printsTheLastIntervalEveryPrintInterval() {
    FakeSource source = new FakeSource();
    source.pollNanos = 1_000_000_000; // each poll takes a second
    for (int i = 0; i < 5; i++) {
      source.add(1000, -1, 1024);
    }
    loop(source, 5000, NEVER, Duration.ofSeconds(2)).run(source);
    assertEquals(List.of("2000 records consumed, 1000.0 records/sec (0.98 MB/sec).",
        "2000 records consumed, 1000.0 records/sec (0.98 MB/sec)."), progress);
  }
}
