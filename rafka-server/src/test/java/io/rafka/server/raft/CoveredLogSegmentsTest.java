package io.rafka.server.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.proto.RaftProtos.StateMachineLogEntryProto;
import org.apache.ratis.server.raftlog.segmented.SegmentedRaftLogOutputStream;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Segments a complete snapshot covers go before Ratis loads the log; nothing else does. */
class CoveredLogSegmentsTest {
  @TempDir
  Path raft;

  @Test
  void segmentsEndingAtOrBelowTheLatestCompleteSnapshotAreRemoved() throws IOException {
    Path group = group("g1", "log_0-50", "log_51-100", "log_101-120", "log_inprogress_121");
    snapshot(group, "snapshot.3_60", true);
    snapshot(group, "snapshot.4_100", true);
    snapshot(group, "snapshot.4_110", false); // no manifest: incomplete, covers nothing

    assertEquals(2, CoveredLogSegments.remove(raft).size());
    assertEquals(List.of("log_101-120", "log_inprogress_121"), files(group));
  }

  @Test
  void anOpenSegmentEndingBelowTheSnapshotIsRemovedOneReachingPastItStays() throws IOException {
    Path lostTail = group("g4", "log_0-50");
    openSegment(lostTail, 51, 30); // entries 51..80: its tail past 80 was lost after the snapshot at 90
    snapshot(lostTail, "snapshot.2_90", true);
    Path normal = group("g5", "log_0-50");
    openSegment(normal, 51, 60); // entries 51..110, the snapshot at 90 in the middle
    snapshot(normal, "snapshot.2_90", true);

    assertEquals(3, CoveredLogSegments.remove(raft).size());
    assertEquals(List.of(), files(lostTail));
    assertEquals(List.of("log_inprogress_51"), files(normal));
  }

  @Test
  void aGroupWithoutACompleteSnapshotKeepsItsWholeLog() throws IOException {
    Path group = group("g2", "log_0-50", "log_inprogress_51");
    snapshot(group, "snapshot.1_70", false);
    Path metadataLike = group("g3", "log_0-10", "log_inprogress_11");
    Files.writeString(metadataLike.resolve("sm").resolve("snapshot.1_20"), "a snapshot file, not a directory");

    assertEquals(List.of(), CoveredLogSegments.remove(raft));
    assertEquals(List.of("log_0-50", "log_inprogress_51"), files(group));
    assertEquals(List.of("log_0-10", "log_inprogress_11"), files(metadataLike));
  }

  private Path group(String name, String... segments) throws IOException {
    Path group = raft.resolve(name);
    Files.createDirectories(group.resolve("current"));
    Files.createDirectories(group.resolve("sm"));
    for (String s : segments) {
      Files.writeString(group.resolve("current").resolve(s), "entries");
    }
    return group;
  }

  /** A real Ratis open segment of {@code count} entries from {@code start}, padded the way Ratis preallocates. */
  private static void openSegment(Path group, long start, int count) throws IOException {
    File file = group.resolve("current").resolve("log_inprogress_" + start).toFile();
    try (SegmentedRaftLogOutputStream out = new SegmentedRaftLogOutputStream(file, false, 1 << 20, 1 << 16,
        ByteBuffer.allocateDirect(1 << 16))) {
      for (long i = start; i < start + count; i++) {
        out.write(LogEntryProto.newBuilder().setTerm(1).setIndex(i)
            .setStateMachineLogEntry(StateMachineLogEntryProto.newBuilder()
                .setLogData(ByteString.copyFromUtf8("record " + i))).build());
      }
      out.flush();
    }
  }

  private static void snapshot(Path group, String name, boolean complete) throws IOException {
    Path dir = Files.createDirectories(group.resolve("sm").resolve(name));
    if (complete) {
      Files.writeString(dir.resolve(PartitionSnapshotStorage.MANIFEST), "manifest");
    }
  }

  private static List<String> files(Path group) throws IOException {
    try (Stream<Path> s = Files.list(group.resolve("current"))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
