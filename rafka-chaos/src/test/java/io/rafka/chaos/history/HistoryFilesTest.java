package io.rafka.chaos.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Histories and final reads written to files and read back. */
class HistoryFilesTest {
  /** A valid line to put before a bad one. */
  private static final String VALID_LINE =
      "{\"time\":0,\"process\":\"p\",\"type\":\"invoke\",\"f\":\"produce\",\"value\":\"v\"}";

  @TempDir
  Path dir;

  /** One event of every kind and outcome the harness records. */
  private static List<HistoryEvent> everyKindOfEvent() {
    return List.of(
        HistoryEvent.produce(0, "producer-1", 0, "p1-0"),
        HistoryEvent.produceOk(4, "producer-1", 0, "p1-0", 0),
        HistoryEvent.produce(5, "producer-1", 1, "p1-1"),
        HistoryEvent.produceFail(6, "producer-1", 1, "p1-1", "RECORD_TOO_LARGE"),
        HistoryEvent.produce(7, "producer-2", 1, "p2-0 \"quoted\" <&>"),
        HistoryEvent.produceInfo(8, "producer-2", 1, "p2-0 \"quoted\" <&>", "timeout"),
        HistoryEvent.read(10, "reader-1", 0, 0),
        HistoryEvent.readOk(12, "reader-1", 0, 2, List.of(new OffsetValue(0, "p1-0"))),
        HistoryEvent.read(13, "reader-1", 0, HistoryEvent.NONE),
        HistoryEvent.readOk(14, "reader-1", 0, 3, List.of()),
        HistoryEvent.read(15, "member-1", 1, 0).inGroup("g", "member-1"),
        HistoryEvent.readFail(16, "member-1", 1, "NOT_LEADER").inGroup("g", "member-1"),
        HistoryEvent.commit(20, "member-1", "g", "member-1", 0, 1),
        HistoryEvent.commitOk(21, "member-1", "g", "member-1", 0, 1),
        HistoryEvent.commit(22, "member-1", "g", "member-1", 0, 1),
        HistoryEvent.commitFail(23, "member-1", "g", "member-1", 0, 1, "REBALANCE_IN_PROGRESS"),
        HistoryEvent.faultStart(30, "partition {1} {2,3}"),
        HistoryEvent.faultEnd(40, "partition {1} {2,3}"));
  }

  @Test
  void everyEventSurvivesARoundTrip() throws IOException {
    Path file = dir.resolve("history.jsonl");
    try (HistoryWriter writer = HistoryWriter.create(file)) {
      for (HistoryEvent event : everyKindOfEvent()) {
        writer.append(event);
      }
    }

    assertEquals(everyKindOfEvent(), HistoryReader.read(file));
  }

  @Test
  void eventsAreWrittenOneCompactLineEach() throws IOException {
    Path file = dir.resolve("history.jsonl");
    try (HistoryWriter writer = HistoryWriter.create(file)) {
      writer.append(HistoryEvent.produceOk(4, "producer-1", 0, "v", 0));
      writer.append(HistoryEvent.readOk(12, "reader-1", 0, 2, List.of(new OffsetValue(0, "v"))));
      writer.append(HistoryEvent.faultStart(30, "kill node 2"));
    }

    assertEquals(List.of(
        "{\"time\":4,\"process\":\"producer-1\",\"type\":\"ok\",\"f\":\"produce\",\"partition\":0,\"value\":\"v\","
            + "\"offset\":0,\"node\":-1}",
        "{\"time\":12,\"process\":\"reader-1\",\"type\":\"ok\",\"f\":\"read\",\"partition\":0,\"offset\":-1,"
            + "\"reads\":[{\"offset\":0,\"value\":\"v\"}],\"node\":2}",
        "{\"time\":30,\"process\":\"nemesis\",\"type\":\"invoke\",\"f\":\"fault\",\"partition\":-1,\"offset\":-1,"
            + "\"node\":-1,\"fault\":\"kill node 2\"}"),
        Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  @Test
  void absentFieldsReadAsNone() throws IOException {
    Path file = write("{\"time\":3,\"process\":\"nemesis\",\"type\":\"ok\",\"f\":\"fault\",\"fault\":\"heal\"}", "",
        "{\"time\":4,\"process\":\"p\",\"type\":\"invoke\",\"f\":\"produce\",\"value\":null,\"partition\":1}");

    List<HistoryEvent> events = HistoryReader.read(file);

    assertEquals(HistoryEvent.faultEnd(3, "heal"), events.get(0));
    assertEquals(HistoryEvent.NONE, events.get(1).offset());
    assertEquals(HistoryEvent.NONE, events.get(1).node());
    assertNull(events.get(1).value());
    assertEquals(2, events.size(), "the blank line is skipped");
  }

  @Test
  void concurrentAppendsKeepEveryLineWhole() throws Exception {
    Path file = dir.resolve("history.jsonl");
    int threads = 4;
    int perThread = 250;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (HistoryWriter writer = HistoryWriter.create(file)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String process = "producer-" + t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            writer.append(HistoryEvent.produce(i, process, 0, process + "-" + i));
          }
          return null;
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }

    Set<String> values = new HashSet<>();
    HistoryReader.read(file).forEach(event -> values.add(event.value()));
    assertEquals(threads * perThread, values.size());
  }

  @Test
  void aWriterNeverOverwritesAHistory() throws IOException {
    Path file = write("{}");

    assertThrows(FileAlreadyExistsException.class, () -> HistoryWriter.create(file));
    assertEquals(List.of("{}"), Files.readAllLines(file));
  }

  @Test
  void aMalformedLineIsNamedWithItsNumberAndText() throws IOException {
    Path file = write(VALID_LINE, VALID_LINE, "{\"time\":5,\"process\":");

    MalformedHistoryException e = assertThrows(MalformedHistoryException.class, () -> HistoryReader.read(file));

    assertEquals(3, e.lineNumber());
    assertTrue(e.getMessage().startsWith(file + " line 3: malformed JSON: "), e.getMessage());
    assertTrue(e.getMessage().endsWith(": {\"time\":5,\"process\":"), e.getMessage());
  }

  @Test
  void wrongFieldsAreNamed() throws IOException {
    assertProblem("field 'process' is missing", "{\"time\":1,\"type\":\"ok\",\"f\":\"read\"}");
    assertProblem("unknown type 'done' (expected invoke, ok, fail or info)",
        "{\"time\":1,\"process\":\"p\",\"type\":\"done\",\"f\":\"read\"}");
    assertProblem("unknown f 'write' (expected produce, read, commit or fault)",
        "{\"time\":1,\"process\":\"p\",\"type\":\"ok\",\"f\":\"write\"}");
    assertProblem("field 'partition' must be a number",
        "{\"time\":1,\"process\":\"p\",\"type\":\"ok\",\"f\":\"read\",\"partition\":\"zero\"}");
    assertProblem("field 'offset' must be a whole number, got 1.5",
        "{\"time\":1,\"process\":\"p\",\"type\":\"ok\",\"f\":\"produce\",\"offset\":1.5}");
    assertProblem("field 'value' is missing",
        "{\"time\":1,\"process\":\"p\",\"type\":\"ok\",\"f\":\"read\",\"reads\":[{\"offset\":0}]}");
    assertProblem("expected a JSON object", "[1,2]");
  }

  @Test
  void finalReadsSurviveARoundTrip() throws IOException {
    FinalReads reads = FinalReads.of(
        new FinalRead(0, 1, List.of(new OffsetValue(0, "a"), new OffsetValue(1, "b"))),
        new FinalRead(0, 2, List.of(new OffsetValue(0, "a"))),
        new FinalRead(1, 1, List.of()));
    Path file = dir.resolve("final-reads.jsonl");

    FinalReadsFile.write(file, reads);

    assertEquals(reads, FinalReadsFile.read(file));
    assertEquals("{\"partition\":0,\"node\":2,\"records\":[{\"offset\":0,\"value\":\"a\"}]}",
        Files.readAllLines(file).get(1));
  }

  @Test
  void aMalformedFinalReadIsNamed() throws IOException {
    Path file = write("{\"partition\":0,\"node\":1,\"records\":[]}", "{\"partition\":0,\"records\":[]}");

    MalformedHistoryException e = assertThrows(MalformedHistoryException.class, () -> FinalReadsFile.read(file));

    assertEquals(2, e.lineNumber());
    assertTrue(e.getMessage().contains(" line 2: field 'node' is missing: "), e.getMessage());
  }

  private void assertProblem(String problem, String line) throws IOException {
    Path file = Files.createTempFile(dir, "history", ".jsonl");
    Files.writeString(file, VALID_LINE + "\n" + line + "\n");

    MalformedHistoryException e = assertThrows(MalformedHistoryException.class, () -> HistoryReader.read(file));

    assertEquals(file + " line 2: " + problem + ": " + line, e.getMessage());
  }

  private Path write(String... lines) throws IOException {
    Path file = Files.createTempFile(dir, "history", ".jsonl");
    Files.write(file, List.of(lines));
    return file;
  }
}
