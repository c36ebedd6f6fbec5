package io.rafka.server.log;

import static io.rafka.server.log.TestSupport.config;
import static io.rafka.server.log.TestSupport.contents;
import static io.rafka.server.log.TestSupport.frames;
import static io.rafka.server.log.TestSupport.payload;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoverTest {
  private static final LogConfig CONFIG = config(1000, Long.MAX_VALUE, 150);

  @TempDir Path tmp;

  /** Writes batches {@code [0, n)} and returns the end offset after each one. */
  private static long[] write(Path dir, int n) throws IOException {
    long[] ends = new long[n];
    try (PartitionLog log = PartitionLog.create(dir, CONFIG)) {
      for (int i = 0; i < n; i++) {
        ends[i] = log.append(1 + i % 3, i, i, payload(i, 30 + (i * 31) % 120)).nextOffset();
      }
    }
    return ends;
  }

  private static Path lastSegment(Path dir) throws IOException {
    List<Long> bases = SegmentFiles.segmentBaseOffsets(dir);
    return dir.resolve(SegmentFiles.logName(bases.get(bases.size() - 1)));
  }

  @Test
  void recoverOfACleanLogKeepsEverything() throws IOException {
    Path dir = tmp.resolve("p");
    long[] ends = write(dir, 50);
    Map<String, byte[]> before = contents(dir);
    try (PartitionLog log = PartitionLog.recover(dir, CONFIG)) {
      assertEquals(ends[49], log.logEndOffset());
      assertEquals(50, frames(log.read(0, Integer.MAX_VALUE)).size());
      assertTrue(log.segmentCount() > 3);
    }
    TestSupport.assertSameContents(before, contents(dir));
  }

  @Test
  void recoverOfAnEmptyDirectoryIsAnEmptyLog() throws IOException {
    try (PartitionLog log = PartitionLog.recover(tmp.resolve("p"), CONFIG)) {
      assertEquals(0, log.logEndOffset());
      assertEquals(0, log.append(1, 0, 0, payload(0, 1)).baseOffset());
    }
  }

  @Test
  void truncatesAPartiallyWrittenLastFrame() throws IOException {
    assertTornTailTruncated(file -> truncateBy(file, 7), 1);
    assertTornTailTruncated(file -> truncateBy(file, 40), 1);
  }

  @Test
  void truncatesGarbageAndZerosAfterTheLastFrame() throws IOException {
    assertTornTailTruncated(file -> appendBytes(file, new byte[4096]), 0);
    assertTornTailTruncated(file -> appendBytes(file, payload(99, 100).toByteArray()), 0);
    assertTornTailTruncated(file -> appendBytes(file, new byte[] {0, 0, 0, 100, 1, 2}), 0);
  }

  @Test
  void truncatesALastFrameWithABadCrc() throws IOException {
    assertTornTailTruncated(
        file -> {
          try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(raf.length() - 1);
            int b = raf.read();
            raf.seek(raf.length() - 1);
            raf.write(b ^ 1);
          } catch (IOException e) {
            throw new AssertionError(e);
          }
        },
        1);
  }

  /** Damages the last segment and checks recover cuts it back to the last valid frame. */
  private void assertTornTailTruncated(Consumer<Path> damage, int framesLost) throws IOException {
    Path dir = Files.createTempDirectory(tmp, "p");
    long[] ends = write(dir, 40);
    Path last = lastSegment(dir);
    long validSize = Files.size(last);
    Map<String, byte[]> before = contents(dir);
    damage.accept(last);
    long expectedEnd = ends[40 - 1 - framesLost];
    long lastFrameSize = 37 + 30 + (39 * 31) % 120;
    try (PartitionLog log = PartitionLog.recover(dir, CONFIG)) {
      assertEquals(validSize - framesLost * lastFrameSize, Files.size(last), "truncated file size");
      assertEquals(expectedEnd, log.logEndOffset());
      assertEquals(40 - framesLost, frames(log.read(0, Integer.MAX_VALUE)).size());
      log.append(5, 1000, 1000, payload(1000, 10));
      assertEquals(expectedEnd + 5, log.logEndOffset());
    }
    try (PartitionLog log = PartitionLog.recover(dir, CONFIG)) {
      assertEquals(expectedEnd + 5, log.logEndOffset()); // nothing of the damage is left
    }
    if (framesLost == 0) {
      // nothing but the new frame changed: the damaged bytes are gone
      byte[] now = Files.readAllBytes(last);
      byte[] old = before.get(last.getFileName().toString());
      assertArrayEquals(old, java.util.Arrays.copyOf(now, (int) validSize));
    }
  }

  @Test
  void rebuildsAMissingOrWrongIndexIdentically() throws IOException {
    Path dir = tmp.resolve("p");
    write(dir, 60);
    Map<String, byte[]> before = contents(dir);
    Files.delete(dir.resolve(SegmentFiles.indexName(0)));
    Path last = lastSegment(dir);
    Path lastIndex = dir.resolve(last.getFileName().toString().replace(".log", ".index"));
    Files.write(lastIndex, new byte[] {0, 0, 0, 1, 0, 0, 0, 1}, StandardOpenOption.APPEND);
    try (PartitionLog log = PartitionLog.recover(dir, CONFIG)) {
      assertEquals(60, frames(log.read(0, Integer.MAX_VALUE)).size());
    }
    TestSupport.assertSameContents(before, contents(dir));
  }

  @Test
  void nonContiguousSegmentsAreCorrupt() throws IOException {
    Path dir = tmp.resolve("p");
    write(dir, 60);
    List<Long> bases = SegmentFiles.segmentBaseOffsets(dir);
    assertTrue(bases.size() >= 3);
    Files.delete(dir.resolve(SegmentFiles.logName(bases.get(1))));
    CorruptLogException e = assertThrows(CorruptLogException.class, () -> PartitionLog.recover(dir, CONFIG));
    assertEquals(dir.resolve(SegmentFiles.logName(bases.get(2))), e.file());
  }

  @Test
  void aDamagedClosedSegmentIsCorrupt() throws IOException {
    Path dir = tmp.resolve("p");
    write(dir, 60);
    Path first = dir.resolve(SegmentFiles.logName(0));
    truncateBy(first, 3);
    CorruptLogException e = assertThrows(CorruptLogException.class, () -> PartitionLog.recover(dir, CONFIG));
    assertEquals(first, e.file());
    assertTrue(e.position() > 0);
  }

  private static void truncateBy(Path file, int bytes) {
    try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(channel.size() - bytes);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void appendBytes(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
