package io.rafka.server.log;

import static io.rafka.server.log.TestSupport.payload;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.rafka.protocol.FrameReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random sequences of appends, checkpoints, restores (in place and onto a fresh follower directory), trims,
 * retention and crash-free reopen, checked against an in-memory list of batches after every step; at the end
 * the files must equal those of a fresh log given only the surviving appends.
 */
class PartitionLogModelTest {
  private static final LogConfig CONFIG = new LogConfig(500, 200, 100, 3000, -1);

  sealed interface Op permits Append, Checkpoint, Restore, Install, Trim, Retain, Reopen {}

  record Append(int recordCount, int payloadSize, int timeStep) implements Op {}

  record Checkpoint() implements Op {}

  record Restore() implements Op {}

  record Install() implements Op {}

  record Trim(double fraction) implements Op {}

  record Retain() implements Op {}

  record Reopen() implements Op {}

  /** One batch as the model knows it. */
  record Batch(long baseOffset, int recordCount, long appendTimeMs, ByteString payload) {
    long nextOffset() {
      return baseOffset + recordCount;
    }
  }

  /** The model's state at a checkpoint, with the snapshot it was taken into. */
  record Saved(int batchCount, long logStartOffset, long time, LogCheckpoint checkpoint, Path snapshotDir) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Op> append =
        net.jqwik.api.Combinators.combine(
                Arbitraries.integers().between(1, 5),
                Arbitraries.integers().between(0, 250),
                Arbitraries.integers().between(0, 60))
            .as(Append::new);
    Arbitrary<Op> op =
        Arbitraries.frequencyOf(
            Tuple.of(12, append),
            Tuple.of(2, Arbitraries.just(new Checkpoint())),
            Tuple.of(1, Arbitraries.just(new Restore())),
            Tuple.of(1, Arbitraries.just(new Install())),
            Tuple.of(1, Arbitraries.doubles().between(0, 1).map(Trim::new)),
            Tuple.of(1, Arbitraries.just(new Retain())),
            Tuple.of(1, Arbitraries.just(new Reopen())));
    return op.list().ofMinSize(5).ofMaxSize(80);
  }

  @Property(tries = 300)
  void behavesLikeTheModel(@ForAll("ops") List<Op> ops, @ForAll long seed) throws IOException {
    Path root = Files.createTempDirectory("log-model");
    try {
      new Run(root, new Random(seed)).run(ops);
    } finally {
      TestSupport.deleteRecursively(root);
    }
  }

  /** One run of a sequence against a real log and the model. */
  private static final class Run {
    private final Path root;
    private final Random random;
    private final List<Batch> batches = new ArrayList<>();
    private long logStartOffset;
    private long time = 1_000;
    private Saved saved;
    private Path dir;
    private PartitionLog log;
    private int dirs;
    private int snapshots;

    Run(Path root, Random random) {
      this.root = root;
      this.random = random;
    }

    void run(List<Op> ops) throws IOException {
      dir = root.resolve("dir-" + dirs++);
      log = PartitionLog.create(dir, CONFIG);
      try {
        for (Op op : ops) {
          apply(op);
          check();
        }
        log.close();
        assertFilesMatchAFreshLog();
      } finally {
        log.close();
      }
    }

    private void apply(Op op) throws IOException {
      if (op instanceof Append a) {
        time += a.timeStep();
        long end = end();
        ByteString payload = payload(end, a.payloadSize());
        AppendedBatch appended = log.append(a.recordCount(), time, time, payload);
        assertEquals(end, appended.baseOffset());
        batches.add(new Batch(end, a.recordCount(), time, payload));
      } else if (op instanceof Checkpoint) {
        Path snapshotDir = root.resolve("snap-" + snapshots++);
        LogCheckpoint checkpoint = log.checkpoint(snapshotDir).checkpoint();
        assertEquals(logStartOffset, checkpoint.logStartOffset());
        assertEquals(end(), checkpoint.logEndOffset());
        saved = new Saved(batches.size(), logStartOffset, time, checkpoint, snapshotDir);
      } else if (op instanceof Restore || op instanceof Install) {
        if (saved == null) {
          return;
        }
        log.close();
        if (op instanceof Install) {
          dir = root.resolve("dir-" + dirs++); // a follower with nothing: everything comes from the snapshot
        }
        log = PartitionLog.restore(dir, CONFIG, saved.checkpoint(), saved.snapshotDir());
        batches.subList(saved.batchCount(), batches.size()).clear();
        logStartOffset = saved.logStartOffset();
        time = saved.time();
      } else if (op instanceof Trim t) {
        long target = logStartOffset + Math.round(t.fraction() * (end() - logStartOffset));
        log.trimTo(target);
        logStartOffset = Math.max(logStartOffset, target);
      } else if (op instanceof Retain) {
        var target = log.retentionTarget(time);
        if (target.isPresent()) {
          assertTrue(target.getAsLong() > logStartOffset);
          assertTrue(batches.stream().anyMatch(b -> b.baseOffset() == target.getAsLong()),
              "retention target is not a batch boundary");
          log.trimTo(target.getAsLong());
          logStartOffset = target.getAsLong();
          // Only size retention is on: the log keeps at least retention.bytes, and no more than one segment over.
          assertTrue(log.sizeInBytes() >= CONFIG.retentionBytes(),
              "log cut to " + log.sizeInBytes() + " bytes in " + log.segmentCount() + " segments");
          assertTrue(log.sizeInBytes() < CONFIG.retentionBytes() + CONFIG.segmentBytes() + 100
                  || log.segmentCount() == 1,
              "log still " + log.sizeInBytes() + " bytes in " + log.segmentCount() + " segments");
        }
      } else if (op instanceof Reopen) {
        log.close();
        log = PartitionLog.recover(dir, CONFIG);
        assertTrue(log.logStartOffset() <= logStartOffset);
        log.trimTo(logStartOffset); // recover knows no start offset inside the first segment
      }
    }

    private long end() {
      return batches.isEmpty() ? 0 : batches.get(batches.size() - 1).nextOffset();
    }

    private void check() throws IOException {
      long end = end();
      assertEquals(end, log.logEndOffset());
      assertEquals(logStartOffset, log.logStartOffset());
      assertEquals(0, log.read(end, 100).size());
      assertThrows(OffsetOutOfRangeException.class, () -> log.read(end + 1, 100));
      if (logStartOffset > 0) {
        assertThrows(OffsetOutOfRangeException.class, () -> log.read(logStartOffset - 1, 100));
      }
      if (logStartOffset == end) {
        return;
      }
      assertReadMatches(logStartOffset, Integer.MAX_VALUE);
      for (int i = 0; i < 3; i++) {
        long offset = logStartOffset + (long) (random.nextDouble() * (end - logStartOffset));
        assertReadMatches(offset, random.nextInt(1000));
      }
    }

    /** A read returns the model's batches from the one containing {@code offset}, within maxBytes. */
    private void assertReadMatches(long offset, int maxBytes) throws IOException {
      ByteString bytes = log.read(offset, maxBytes);
      List<FrameReader.Frame> frames = FrameReader.frames(bytes);
      assertTrue(!frames.isEmpty());
      assertTrue(frames.size() == 1 || bytes.size() <= maxBytes, "read past maxBytes");
      int first = containing(offset);
      for (int i = 0; i < frames.size(); i++) {
        Batch batch = batches.get(first + i);
        FrameReader.Frame frame = frames.get(i);
        assertEquals(batch.baseOffset(), frame.header().baseOffset());
        assertEquals(batch.recordCount(), frame.header().recordCount());
        assertEquals(batch.appendTimeMs(), frame.header().appendTimeMs());
        assertEquals(batch.payload(), frame.payload());
      }
      int next = first + frames.size();
      if (next < batches.size()) {
        int nextSize = 37 + batches.get(next).payload().size();
        assertTrue(bytes.size() + nextSize > maxBytes, "stopped early at offset " + batches.get(next).baseOffset());
      }
    }

    private int containing(long offset) {
      for (int i = 0; i < batches.size(); i++) {
        if (batches.get(i).nextOffset() > offset) {
          return i;
        }
      }
      throw new AssertionError("no batch holds " + offset);
    }

    /** Replicas given the same appends write the same files: compare with a log that only saw them. */
    private void assertFilesMatchAFreshLog() throws IOException {
      Path fresh = root.resolve("fresh");
      try (PartitionLog replay = PartitionLog.create(fresh, CONFIG)) {
        for (Batch batch : batches) {
          replay.append(batch.recordCount(), batch.appendTimeMs(), batch.appendTimeMs(), batch.payload());
        }
      }
      Map<String, byte[]> expected = TestSupport.contents(fresh);
      Map<String, byte[]> actual = TestSupport.contents(dir);
      assertTrue(expected.keySet().containsAll(actual.keySet()), "unexpected files " + actual.keySet());
      for (Map.Entry<String, byte[]> file : actual.entrySet()) {
        assertArrayEquals(expected.get(file.getKey()), file.getValue(), file.getKey());
      }
    }
  }
}
