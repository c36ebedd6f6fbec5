package io.rafka.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rafka.client.consumer.ConsumerRecord;
import io.rafka.client.consumer.ConsumerRecords;
import io.rafka.common.TopicPartition;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsumeLoopTest {
  private static final RecordFormatter VALUES = new RecordFormatter(false, false, false, "\t");
  private static final long NEVER = Long.MAX_VALUE;

  /** A consumer stand-in: hands out queued polls, and when none is left waits out the timeout on a fake clock. */
  private static final class FakeSource implements ConsumeLoop.RecordSource {
    final AtomicLong clock = new AtomicLong();
    final Deque<ConsumerRecords<String, String>> polls = new ArrayDeque<>();
    final List<Duration> timeouts = new ArrayList<>();
    Runnable whenEmpty = () -> { };

    @Override
    public ConsumerRecords<String, String> poll(Duration timeout) {
      timeouts.add(timeout);
      if (!polls.isEmpty()) {
        return polls.poll();
      }
      clock.addAndGet(timeout.toNanos());
      whenEmpty.run();
      return ConsumerRecords.empty();
    }

    FakeSource add(int partition, String... values) {
      Map<TopicPartition, List<ConsumerRecord<String, String>>> records = new LinkedHashMap<>();
      List<ConsumerRecord<String, String>> list = new ArrayList<>();
      for (int i = 0; i < values.length; i++) {
        list.add(new ConsumerRecord<>("t", partition, i, 0, null, values[i], List.of()));
      }
      records.put(new TopicPartition("t", partition), list);
      polls.add(new ConsumerRecords<>(records));
      return this;
    }
  }

  @Test
  void stopsAfterMaxMessagesEvenInTheMiddleOfAPoll() throws IOException {
    FakeSource source = new FakeSource().add(0, "a", "b").add(1, "c", "d", "e");
    StringWriter out = new StringWriter();
    ConsumeLoop loop = new ConsumeLoop(VALUES, out, 3, NEVER, source.clock::get);
    loop.run(source);
    assertEquals("a\nb\nc\n", out.toString());
    assertEquals(3, loop.written());
    assertEquals(Map.of(new TopicPartition("t", 1), 1L), loop.unwritten());
  }

  @Test
  void remembersTheFirstUnwrittenOffsetOfEachPartition() throws IOException {
    Map<TopicPartition, List<ConsumerRecord<String, String>>> records = new LinkedHashMap<>();
    records.put(new TopicPartition("t", 0), List.of(new ConsumerRecord<>("t", 0, 7, 0, null, "a", List.of()),
        new ConsumerRecord<>("t", 0, 8, 0, null, "b", List.of())));
    records.put(new TopicPartition("t", 1), List.of(new ConsumerRecord<>("t", 1, 3, 0, null, "c", List.of()),
        new ConsumerRecord<>("t", 1, 4, 0, null, "d", List.of())));
    FakeSource source = new FakeSource();
    source.polls.add(new ConsumerRecords<>(records));
    ConsumeLoop loop = new ConsumeLoop(VALUES, new StringWriter(), 1, NEVER, source.clock::get);
    loop.run(source);
    assertEquals(Map.of(new TopicPartition("t", 0), 8L, new TopicPartition("t", 1), 3L), loop.unwritten());
  }

  @Test
  void leavesNothingUnwrittenWhenEveryPolledRecordWasWritten() throws IOException {
    FakeSource source = new FakeSource().add(0, "a", "b");
    ConsumeLoop loop = new ConsumeLoop(VALUES, new StringWriter(), 2, NEVER, source.clock::get);
    loop.run(source);
    assertEquals(Map.of(), loop.unwritten());
  }

  @Test
  void stopsWhenNoRecordCameForTheIdleTimeout() throws IOException {
    FakeSource source = new FakeSource().add(0, "a");
    StringWriter out = new StringWriter();
    ConsumeLoop loop = new ConsumeLoop(VALUES, out, NEVER, 500, source.clock::get);
    loop.run(source);
    assertEquals("a\n", out.toString());
    assertEquals(Duration.ofMillis(500).toNanos(), source.clock.get());
    // Polls are short so that a stop request is noticed quickly, and the last one ends at the timeout.
    assertEquals(List.of(Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMillis(200),
        Duration.ofMillis(100)), source.timeouts);
  }

  @Test
  void aRecordRestartsTheIdleTimeout() throws IOException {
    FakeSource source = new FakeSource();
    source.whenEmpty = () -> {
      if (source.clock.get() == Duration.ofMillis(400).toNanos()) {
        source.add(0, "late");
      }
    };
    StringWriter out = new StringWriter();
    ConsumeLoop loop = new ConsumeLoop(VALUES, out, NEVER, 500, source.clock::get);
    loop.run(source);
    assertEquals("late\n", out.toString());
    assertEquals(Duration.ofMillis(900).toNanos(), source.clock.get());
  }

  @Test
  void stopEndsTheLoopAfterThePollInProgress() throws IOException {
    FakeSource source = new FakeSource().add(0, "a");
    ConsumeLoop loop = new ConsumeLoop(VALUES, new StringWriter(), NEVER, NEVER, source.clock::get);
    source.whenEmpty = loop::stop;
    loop.run(source);
    assertEquals(1, loop.written());
    assertEquals(2, source.timeouts.size());
  }

  @Test
  void flushesAfterEveryPollWithRecords() throws IOException {
    FakeSource source = new FakeSource().add(0, "a", "b").add(0, "c");
    List<String> flushed = new ArrayList<>();
    StringWriter buffer = new StringWriter();
    Writer out = new Writer() {
      @Override
      public void write(char[] chars, int off, int len) {
        buffer.write(chars, off, len);
      }

      @Override
      public void flush() {
        flushed.add(buffer.toString());
      }

      @Override
      public void close() { }
    };
    new ConsumeLoop(VALUES, out, 3, NEVER, source.clock::get).run(source);
    assertEquals("a\nb\n", flushed.get(0));
    assertEquals("a\nb\nc\n", flushed.get(flushed.size() - 1));
  }

  @Test
  void writesTenThousandRecordsQuickly() throws IOException {
    FakeSource source = new FakeSource();
    for (int i = 0; i < 20; i++) {
      source.add(i % 3, new String[500]);
    }
    StringWriter out = new StringWriter();
    long start = System.nanoTime();
    ConsumeLoop loop = new ConsumeLoop(VALUES, out, 10_000, NEVER, source.clock::get);
    loop.run(source);
    assertEquals(10_000, loop.written());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 5);
  }

  @Test
  void aFailedWriteEndsTheLoop() {
    FakeSource source = new FakeSource().add(0, "a");
    Writer broken = new Writer() {
      @Override
      public void write(char[] chars, int off, int len) throws IOException {
        throw new IOException("Broken pipe");
      }

      @Override
      public void flush() { }

      @Override
      public void close() { }
    };
    assertThrows(IOException.class, () -> new ConsumeLoop(VALUES, broken, NEVER, NEVER, source.clock::get)
        .run(source));
  }
}
