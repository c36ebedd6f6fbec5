package io.rafka.server.log;

import static io.rafka.server.log.TestSupport.config;
import static io.rafka.server.log.TestSupport.contents;
import static io.rafka.server.log.TestSupport.payload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RollTest {
  @TempDir Path tmp;

  @Test
  void rollsWhenTheNextFrameWouldPassTheSegmentSize() throws IOException {
    Path dir = tmp.resolve("p");
    try (PartitionLog log = PartitionLog.create(dir, config(300, Long.MAX_VALUE, 4096))) {
      for (int i = 0; i < 7; i++) {
        log.append(2, 0, 0, payload(i, 63)); // 100-byte frames
      }
      assertEquals(3, log.segmentCount());
    }
    assertEquals(
        List.of(
            "00000000000000000000.index", "00000000000000000000.log",
            "00000000000000000006.index", "00000000000000000006.log",
            "00000000000000000012.index", "00000000000000000012.log"),
        List.copyOf(contents(dir).keySet()));
    assertEquals(300, Files.size(dir.resolve("00000000000000000000.log")));
    assertEquals(300, Files.size(dir.resolve("00000000000000000006.log")));
    assertEquals(100, Files.size(dir.resolve("00000000000000000012.log")));
  }

  @Test
  void rollsOnAppendTimeOnly() throws IOException {
    try (PartitionLog log = PartitionLog.create(tmp.resolve("p"), config(1 << 20, 1000, 4096))) {
      log.append(1, 5000, 0, payload(0, 10));
      log.append(1, 5500, 0, payload(1, 10));
      log.append(1, 4000, 0, payload(2, 10)); // a clock going back does not roll
      log.append(1, 5999, 0, payload(3, 10));
      assertEquals(1, log.segmentCount());
      log.append(1, 6000, 0, payload(4, 10));
      assertEquals(2, log.segmentCount());
      log.append(1, 6999, 0, payload(5, 10));
      assertEquals(2, log.segmentCount());
      log.checkpoint(tmp.resolve("snap")); // nothing rolls at checkpoint time
      assertEquals(2, log.segmentCount());
      log.append(1, 7000, 0, payload(6, 10));
      assertEquals(3, log.segmentCount());
    }
  }

  @Test
  void twoLogsGivenTheSameAppendsWriteByteIdenticalFiles() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    LogConfig config = config(2000, 300, 128);
    try (PartitionLog logA = PartitionLog.create(a, config);
        PartitionLog logB = PartitionLog.create(b, config)) {
      Random random = new Random(42);
      long time = 1_000_000;
      for (int i = 0; i < 500; i++) {
        time += random.nextInt(20);
        int count = 1 + random.nextInt(10);
        int size = random.nextInt(i % 50 == 0 ? 3000 : 300);
        logA.append(count, time, time - 3, payload(i, size));
        if (i == 250) {
          logA.checkpoint(tmp.resolve("snapA")); // checkpoints on one replica only change nothing
          logA.flush();
        }
        logB.append(count, time, time - 3, payload(i, size));
      }
      assertTrue(logA.segmentCount() > 20, "segments: " + logA.segmentCount());
      assertEquals(logA.segmentCount(), logB.segmentCount());
    }
    Map<String, byte[]> filesA = contents(a);
    TestSupport.assertSameContents(filesA, contents(b));
    assertTrue(
        filesA.entrySet().stream().anyMatch(f -> f.getKey().endsWith(".index") && f.getValue().length > 0),
        "some index has entries");
  }

  @Test
  void indexHasOneEntryPerIntervalAndIsWrittenAsItGrows() throws IOException {
    Path dir = tmp.resolve("p");
    try (PartitionLog log = PartitionLog.create(dir, config(1 << 20, Long.MAX_VALUE, 250))) {
      for (int i = 0; i < 10; i++) {
        log.append(3, 0, 0, payload(i, 63)); // 100-byte frames
      }
      // entries at positions 300, 600, 900 for offsets 9, 18, 27
      ByteBuffer index = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("00000000000000000000.index")));
      assertEquals(24, index.remaining());
      assertEquals(9, index.getInt());
      assertEquals(300, index.getInt());
      assertEquals(18, index.getInt());
      assertEquals(600, index.getInt());
      assertEquals(27, index.getInt());
      assertEquals(900, index.getInt());
    }
  }
}
