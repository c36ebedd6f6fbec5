package io.rafka.server.log;

import static io.rafka.server.log.TestSupport.config;
import static io.rafka.server.log.TestSupport.frames;
import static io.rafka.server.log.TestSupport.payload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.rafka.protocol.BatchFrame;
import io.rafka.protocol.FrameReader;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadTest {
  @TempDir Path tmp;

  @Test
  void appendThenReadRoundTrips() throws IOException {
    try (PartitionLog log = PartitionLog.create(tmp.resolve("p"), LogConfig.defaults())) {
      AppendedBatch a = log.append(3, 1000, 900, payload(1, 10));
      AppendedBatch b = log.append(1, 1001, 950, payload(2, 0));
      AppendedBatch c = log.append(5, 1002, 1002, payload(3, 300));
      assertEquals(0, a.baseOffset());
      assertEquals(3, b.baseOffset());
      assertEquals(4, c.baseOffset());
      assertEquals(9, log.logEndOffset());
      assertEquals(0, log.logStartOffset());

      ByteString all = log.read(0, Integer.MAX_VALUE);
      assertEquals(a.frame().concat(b.frame()).concat(c.frame()), all);
      List<FrameReader.Frame> frames = frames(all);
      assertEquals(3, frames.size());
      BatchFrame.Header h = frames.get(2).header();
      assertEquals(4, h.baseOffset());
      assertEquals(5, h.recordCount());
      assertEquals(1002, h.appendTimeMs());
      assertEquals(1002, h.maxTimestamp());
      assertEquals(payload(3, 300), frames.get(2).payload());
      assertEquals(payload(2, 0), frames.get(1).payload());
      assertEquals(all.size(), log.sizeInBytes());
    }
  }

  @Test
  void offsetsAreDenseAcrossManySegments() throws IOException {
    Random random = new Random(7);
    List<AppendedBatch> batches = new ArrayList<>();
    try (PartitionLog log = PartitionLog.create(tmp.resolve("p"), config(1000, Long.MAX_VALUE, 100))) {
      for (int i = 0; i < 400; i++) {
        batches.add(log.append(1 + random.nextInt(5), i, i, payload(i, random.nextInt(200))));
      }
      assertTrue(log.segmentCount() > 20, "segments: " + log.segmentCount());
      long expected = 0;
      for (AppendedBatch batch : batches) {
        assertEquals(expected, batch.baseOffset());
        expected = batch.nextOffset();
        for (long offset = batch.baseOffset(); offset < batch.nextOffset(); offset++) {
          assertEquals(batch.frame(), log.read(offset, 0), "offset " + offset);
        }
      }
      assertEquals(expected, log.logEndOffset());
      List<FrameReader.Frame> all = frames(log.read(0, Integer.MAX_VALUE));
      assertEquals(batches.size(), all.size());
      for (int i = 0; i < all.size(); i++) {
        assertEquals(batches.get(i).baseOffset(), all.get(i).header().baseOffset());
        assertEquals(payload(i, all.get(i).payload().size()), all.get(i).payload());
      }
    }
  }

  @Test
  void readOfMidBatchOffsetReturnsTheContainingFrame() throws IOException {
    try (PartitionLog log = PartitionLog.create(tmp.resolve("p"), config(1 << 20, Long.MAX_VALUE, 1))) {
      log.append(10, 0, 0, payload(0, 50));
      AppendedBatch second = log.append(10, 0, 0, payload(1, 50));
      log.append(10, 0, 0, payload(2, 50));
      List<FrameReader.Frame> frames = frames(log.read(15, 1));
      assertEquals(1, frames.size());
      assertEquals(10, frames.get(0).header().baseOffset());
      assertEquals(second.frame(), log.read(19, 0));
      assertEquals(2, frames(log.read(19, Integer.MAX_VALUE)).size());
    }
  }

  @Test
  void maxBytesIsHonouredWithAtLeastOneFrame() throws IOException {
    // frames of 137 bytes, 3 per segment
    try (PartitionLog log = PartitionLog.create(tmp.resolve("p"), config(3 * 137, Long.MAX_VALUE, 1))) {
      for (int i = 0; i < 10; i++) {
        log.append(1, 0, 0, payload(i, 100));
      }
      assertEquals(4, log.segmentCount());
      assertEquals(1, frames(log.read(0, 0)).size());
      assertEquals(1, frames(log.read(0, 136)).size());
      assertEquals(1, frames(log.read(0, 137)).size());
      assertEquals(1, frames(log.read(0, 273)).size());
      assertEquals(2, frames(log.read(0, 274)).size());
      // crosses segment boundaries
      assertEquals(5, frames(log.read(1, 5 * 137 + 136)).size());
      assertEquals(137 * 5, log.read(1, 5 * 137 + 136).size());
      assertEquals(9, frames(log.read(1, Integer.MAX_VALUE)).size());
      assertEquals(1, frames(log.read(9, Integer.MAX_VALUE)).size());
    }
  }

  @Test
  void aFrameLargerThanTheSegmentSizeGetsItsOwnSegmentAndIsReadWhole() throws IOException {
    try (PartitionLog log = PartitionLog.create(tmp.resolve("p"), config(500, Long.MAX_VALUE, 64))) {
      log.append(1, 0, 0, payload(0, 10));
      log.append(2, 0, 0, payload(1, 2000));
      log.append(1, 0, 0, payload(2, 10));
      assertEquals(3, log.segmentCount());
      List<FrameReader.Frame> frames = frames(log.read(2, 100));
      assertEquals(1, frames.size());
      assertEquals(payload(1, 2000), frames.get(0).payload());
    }
  }

  @Test
  void readAtTheEndIsEmptyAndOutsideTheBoundsThrowsWithTheBounds() throws IOException {
    try (PartitionLog log = PartitionLog.create(tmp.resolve("p"), config(200, Long.MAX_VALUE, 64))) {
      assertEquals(ByteString.EMPTY, log.read(0, 100));
      for (int i = 0; i < 6; i++) {
        log.append(2, 0, 0, payload(i, 60));
      }
      assertEquals(ByteString.EMPTY, log.read(12, 100));
      OffsetOutOfRangeException above =
          assertThrows(OffsetOutOfRangeException.class, () -> log.read(13, 100));
      assertEquals(13, above.requestedOffset());
      assertEquals(0, above.logStartOffset());
      assertEquals(12, above.logEndOffset());
      assertTrue(above.getMessage().contains("logStartOffset=0"), above.getMessage());
      assertTrue(above.getMessage().contains("logEndOffset=12"), above.getMessage());

      log.trimTo(5);
      OffsetOutOfRangeException below =
          assertThrows(OffsetOutOfRangeException.class, () -> log.read(4, 100));
      assertEquals(5, below.logStartOffset());
      assertEquals(12, below.logEndOffset());
      assertEquals(4, frames(log.read(5, 0)).get(0).header().baseOffset());
      assertThrows(OffsetOutOfRangeException.class, () -> log.read(-1, 100));
    }
  }

  @Test
  void anInterruptedReaderDoesNotBreakOtherReadersOrTheWriter() throws Exception {
    try (PartitionLog log = PartitionLog.create(tmp.resolve("p"), config(1 << 20, Long.MAX_VALUE, 64))) {
      log.append(1, 0, 0, payload(0, 100));
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread interrupted =
          new Thread(
              () -> {
                Thread.currentThread().interrupt();
                try {
                  log.read(0, 1000);
                } catch (Throwable t) {
                  failure.set(t);
                }
              });
      interrupted.start();
      interrupted.join();
      assertTrue(failure.get() instanceof ClosedByInterruptException, String.valueOf(failure.get()));
      log.append(1, 0, 0, payload(1, 100));
      assertEquals(2, frames(log.read(0, 1000)).size());
    }
  }

  @Test
  void createRefusesANonEmptyDirectory() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("p"));
    Files.writeString(dir.resolve("something"), "x");
    assertThrows(IllegalArgumentException.class, () -> PartitionLog.create(dir, LogConfig.defaults()));
  }

  @Test
  void closeIsIdempotentAndUseAfterCloseFails() throws IOException {
    PartitionLog log = PartitionLog.create(tmp.resolve("p"), LogConfig.defaults());
    log.append(1, 0, 0, payload(0, 1));
    log.close();
    log.close();
    assertThrows(IllegalStateException.class, () -> log.read(0, 10));
    assertThrows(IllegalStateException.class, () -> log.append(1, 0, 0, payload(0, 1)));
  }

  @Test
  void rejectsBadArguments() throws IOException {
    try (PartitionLog log = PartitionLog.create(tmp.resolve("p"), LogConfig.defaults())) {
      assertThrows(IllegalArgumentException.class, () -> log.append(0, 0, 0, ByteString.EMPTY));
      assertThrows(IllegalArgumentException.class, () -> log.append(1, -1, 0, ByteString.EMPTY));
      assertThrows(IllegalArgumentException.class, () -> log.read(0, -1));
      assertEquals(0, log.logEndOffset());
    }
  }
}
