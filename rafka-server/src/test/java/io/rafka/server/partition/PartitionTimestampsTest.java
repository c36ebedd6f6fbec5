package io.rafka.server.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.MetricRegistry;
import com.google.protobuf.ByteString;
import io.rafka.proto.Compression;
import io.rafka.proto.Record;
import io.rafka.proto.RecordBatch;
import io.rafka.proto.Records;
import io.rafka.proto.internal.AppendCommand;
import io.rafka.proto.internal.PartitionCommand;
import io.rafka.proto.internal.PartitionIdentity;
import io.rafka.proto.internal.TrimLogCommand;
import io.rafka.server.cache.HotReadCache;
import io.rafka.server.log.LogConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Record timestamps by offset: what consumer lag in seconds and resets to a time are measured with. */
class PartitionTimestampsTest {
  @TempDir Path dir;

  private long index;

  @Test
  void timestampAtIsThatOfTheRecordAtTheOffsetInsideBatches() throws IOException {
    for (boolean cached : new boolean[] {true, false}) {
      try (Partition p = partition(dir.resolve("p" + cached), cached)) {
        append(p, 1_000, 0, 10, 20); // offsets 0..2 at 1000, 1010, 1020
        append(p, 5_000, 0, 7); // offsets 3..4 at 5000, 5007
        assertEquals(OptionalLong.of(1_000), p.timestampAt(0));
        assertEquals(OptionalLong.of(1_020), p.timestampAt(2));
        assertEquals(OptionalLong.of(5_000), p.timestampAt(3));
        assertEquals(OptionalLong.of(5_007), p.timestampAt(4));
        assertEquals(OptionalLong.empty(), p.timestampAt(5), "nothing at the log end yet");
        assertEquals(OptionalLong.empty(), p.timestampAt(99));
        assertEquals(1, p.offsetForTimestamp(1_005));
        assertEquals(4, p.offsetForTimestamp(5_001));
        assertEquals(5, p.offsetForTimestamp(9_999));
      }
    }
  }

  @Test
  void belowTheLogStartTheFirstRecordLeftCounts() throws IOException {
    LogConfig tiny = new LogConfig(64, Long.MAX_VALUE, 4096, -1, -1);
    try (Partition p = Partition.create(identity(), dir, tiny, new HotReadCache(0, new MetricRegistry()), id -> {})) {
      append(p, 1_000, 0);
      append(p, 2_000, 0);
      append(p, 3_000, 0);
      p.apply(PartitionCommand.newBuilder().setTrimLog(TrimLogCommand.newBuilder().setNewLogStartOffset(2)).build(),
          ++index);
      int start = (int) p.logStartOffset();
      assertTrue(start > 0, "the trim removed the first segment");
      assertEquals(OptionalLong.of(new long[] {1_000, 2_000, 3_000}[start]), p.timestampAt(0));
      assertEquals(OptionalLong.of(3_000), p.timestampAt(2));
    }
  }

  private Partition partition(Path logDir, boolean cached) throws IOException {
    return Partition.create(identity(), logDir, new LogConfig(1 << 20, Long.MAX_VALUE, 4096, -1, -1),
        new HotReadCache(cached ? 1 << 20 : 0, new MetricRegistry()), id -> {});
  }

  private static PartitionIdentity identity() {
    return PartitionIdentity.newBuilder().setTopic("t").setTopicId("id-1").setPartition(0).build();
  }

  private void append(Partition p, long baseTimestamp, long... deltas) throws IOException {
    Records.Builder records = Records.newBuilder();
    long max = baseTimestamp;
    for (long d : deltas) {
      records.addRecords(Record.newBuilder().setTimestampDelta(d).setValue(ByteString.copyFromUtf8("v" + d)));
      max = Math.max(max, baseTimestamp + d);
    }
    ByteString encoded = records.build().toByteString();
    RecordBatch batch = RecordBatch.newBuilder().setProducerId(-1).setBaseSequence(-1).setRecordCount(deltas.length)
        .setBaseTimestamp(baseTimestamp).setMaxTimestamp(max).setCompression(Compression.COMPRESSION_NONE)
        .setUncompressedSize(encoded.size()).setRecords(encoded).build();
    p.apply(PartitionCommand.newBuilder().setAppend(AppendCommand.newBuilder().setProducerId(-1)
        .setRecordCount(deltas.length).setMaxTimestamp(max).setAppendTimeMs(baseTimestamp)
        .setBatch(batch.toByteString())).build(), ++index);
  }
}
