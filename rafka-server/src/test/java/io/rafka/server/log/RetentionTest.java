package io.rafka.server.log;

import static io.rafka.server.log.TestSupport.frames;
import static io.rafka.server.log.TestSupport.payload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {
  @TempDir Path tmp;

  /** Five segments of two 100-byte frames (offsets 2 each), the last one holding one frame. */
  private PartitionLog nineFrames(LogConfig config) throws IOException {
    PartitionLog log = PartitionLog.create(tmp.resolve("p"), config);
    for (int i = 0; i < 9; i++) {
      log.append(2, 1000 + i * 100, 0, payload(i, 63)); // appended at 1000, 1100, ... 1800
    }
    assertEquals(5, log.segmentCount());
    assertEquals(900, log.sizeInBytes());
    return log;
  }

  @Test
  void retentionByBytesDropsOldestClosedSegmentsUntilTheLogFits() throws IOException {
    try (PartitionLog log = nineFrames(new LogConfig(200, Long.MAX_VALUE, 4096, 500, -1))) {
      // 900 > 500: drop [0,4) -> 700, drop [4,8) -> 500, stop
      assertEquals(OptionalLong.of(8), log.retentionTarget(0));
      log.trimTo(8);
      assertEquals(3, log.segmentCount());
      assertEquals(500, log.sizeInBytes());
      assertEquals(8, log.logStartOffset());
      assertEquals(OptionalLong.empty(), log.retentionTarget(0));
      assertFalse(Files.exists(tmp.resolve("p").resolve(SegmentFiles.logName(0))));
      assertFalse(Files.exists(tmp.resolve("p").resolve(SegmentFiles.indexName(4))));
      assertEquals(8, frames(log.read(8, 0)).get(0).header().baseOffset());
      assertEquals(5, frames(log.read(8, Integer.MAX_VALUE)).size());
      assertThrows(OffsetOutOfRangeException.class, () -> log.read(7, 100));
    }
  }

  @Test
  void retentionByBytesKeepsAtLeastRetentionBytesAsKafkaDoes() throws IOException {
    try (PartitionLog log = nineFrames(new LogConfig(200, Long.MAX_VALUE, 4096, 450, -1))) {
      // 900: without [0,4) 700 >= 450, without [4,8) 500 >= 450, without [8,12) 300 < 450: keep it
      assertEquals(OptionalLong.of(8), log.retentionTarget(0));
    }
  }

  @Test
  void retentionNeverDropsTheActiveSegment() throws IOException {
    try (PartitionLog log = nineFrames(new LogConfig(200, Long.MAX_VALUE, 4096, 0, -1))) {
      assertEquals(OptionalLong.of(16), log.retentionTarget(0));
      log.trimTo(16);
      assertEquals(1, log.segmentCount());
      assertEquals(1, frames(log.read(16, 1000)).size());
    }
  }

  @Test
  void retentionByTimeDropsClosedSegmentsOlderThanRetentionMs() throws IOException {
    try (PartitionLog log = nineFrames(new LogConfig(200, Long.MAX_VALUE, 4096, -1, 1000))) {
      // segment max append times: 1100, 1300, 1500, 1700 (closed), 1800 (active)
      assertEquals(OptionalLong.empty(), log.retentionTarget(2100));
      assertEquals(OptionalLong.of(4), log.retentionTarget(2101));
      assertEquals(OptionalLong.of(8), log.retentionTarget(2301));
      assertEquals(OptionalLong.of(16), log.retentionTarget(100_000));
    }
  }

  @Test
  void unlimitedRetentionKeepsEverything() throws IOException {
    try (PartitionLog log = nineFrames(new LogConfig(200, Long.MAX_VALUE, 4096, -1, -1))) {
      assertEquals(OptionalLong.empty(), log.retentionTarget(Long.MAX_VALUE));
    }
  }

  @Test
  void trimInsideASegmentKeepsItButHidesOffsetsBelowTheStart() throws IOException {
    try (PartitionLog log = nineFrames(new LogConfig(200, Long.MAX_VALUE, 4096, -1, -1))) {
      log.trimTo(3);
      assertEquals(5, log.segmentCount());
      assertEquals(3, log.logStartOffset());
      OffsetOutOfRangeException e = assertThrows(OffsetOutOfRangeException.class, () -> log.read(1, 100));
      assertEquals(3, e.logStartOffset());
      assertEquals(2, frames(log.read(3, 0)).get(0).header().baseOffset()); // the containing frame
      log.trimTo(2); // never backwards
      assertEquals(3, log.logStartOffset());
      assertThrows(IllegalArgumentException.class, () -> log.trimTo(log.logEndOffset() + 1));
      log.trimTo(log.logEndOffset());
      assertEquals(1, log.segmentCount());
      assertEquals(0, log.read(log.logEndOffset(), 100).size());
      assertTrue(log.append(1, 5000, 0, payload(0, 1)).baseOffset() == 18);
    }
  }
}
