package io.rafka.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rafka.client.producer.ProducerRecord;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LineProducerTest {
  private final List<ProducerRecord<String, String>> sent = new ArrayList<>();
  private final List<CompletableFuture<Void>> pending = new ArrayList<>();
  private final FirstError errors = new FirstError();

  /** Records every send and leaves its future pending, as a batching producer does. */
  private CompletableFuture<?> send(ProducerRecord<String, String> record) {
    sent.add(record);
    CompletableFuture<Void> f = new CompletableFuture<>();
    pending.add(f);
    return f;
  }

  private void run(LineParser parser, String input) throws Exception {
    new LineProducer("t", parser, this::send, errors).run(new BufferedReader(new StringReader(input)));
  }

  @Test
  void sendsEveryLineWithoutWaitingForAcknowledgements() throws Exception {
    String input = IntStream.range(0, 10_000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
    run(new LineParser(false, "\t"), input);
    assertEquals(10_000, sent.size());
    assertEquals(new ProducerRecord<String, String>("t", null, "line 0"), sent.get(0));
    assertEquals("line 9999", sent.get(9_999).value());
    assertFalse(errors.recorded());
  }

  @Test
  void sendsKeyedRecordsAndHandlesWindowsLineEndings() throws Exception {
    run(new LineParser(true, ":"), "a:1\r\nb:2\r\n");
    assertEquals(List.of(new ProducerRecord<>("t", "a", "1"), new ProducerRecord<>("t", "b", "2")), sent);
  }

  @Test
  void stopsAtALineWithoutSeparatorAfterSendingTheLinesBeforeIt() throws Exception {
    run(new LineParser(true, ":"), "a:1\nb:2\nbroken\nc:3\n");
    assertEquals(2, sent.size());
    Exception e = assertThrows(IllegalArgumentException.class, errors::rethrow);
    assertEquals("line 3 has no key separator ':' (parse.key is true)", e.getMessage());
  }

  @Test
  void stopsReadingOnceASendHasFailed() throws Exception {
    IllegalStateException failure = new IllegalStateException("topic is gone");
    LineProducer.RecordSender failing = record -> {
      sent.add(record);
      return CompletableFuture.failedFuture(failure);
    };
    new LineProducer("t", new LineParser(false, "\t"), failing, errors)
        .run(new BufferedReader(new StringReader("1\n2\n3\n")));
    assertEquals(1, sent.size());
    assertSame(failure, assertThrows(IllegalStateException.class, errors::rethrow));
  }

  @Test
  void aSendThatThrowsIsRecordedToo() throws Exception {
    IllegalStateException failure = new IllegalStateException("no metadata within max.block.ms");
    new LineProducer("t", new LineParser(false, "\t"), record -> {
      throw failure;
    }, errors).run(new BufferedReader(new StringReader("1\n2\n")));
    assertSame(failure, assertThrows(IllegalStateException.class, errors::rethrow));
  }

  @Test
  void aFailureAcknowledgedLaterIsRecorded() throws Exception {
    run(new LineParser(false, "\t"), "1\n2\n");
    IllegalStateException failure = new IllegalStateException("delivery timed out");
    pending.get(1).completeExceptionally(failure);
    pending.get(0).complete(null);
    assertSame(failure, assertThrows(IllegalStateException.class, errors::rethrow));
  }
}
