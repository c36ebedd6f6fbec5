package io.rafka.chaos.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RaftLogFilesTest {
  @TempDir
  Path data;

  @Test
  void findsTheNewestOpenSegmentOfTheNamedGroup() throws Exception {
    Path group = Files.createDirectories(data.resolve("raft/c2048f2f-f0e9-3768-aaa5-144e27c18d28/current"));
    Path other = Files.createDirectories(data.resolve("raft/d4bc9f14-5cee-3682-8e34-bd27a2244f8e/current"));
    Files.writeString(group.resolve("log_0-99"), "RaftLog1");
    Files.writeString(group.resolve("log_inprogress_9"), "RaftLog1");
    Files.writeString(group.resolve("log_inprogress_100"), "RaftLog1");
    Files.writeString(other.resolve("log_inprogress_500"), "RaftLog1");

    assertEquals(group.resolve("log_inprogress_100"),
        RaftLogFiles.openSegment(data, "group-144E27C18D28").orElseThrow(), "numeric order, not text order");
    assertEquals(group.resolve("log_inprogress_100"),
        RaftLogFiles.openSegment(data, "c2048f2f-f0e9-3768-aaa5-144e27c18d28").orElseThrow(), "the full uuid");
  }

  @Test
  void writtenLengthStopsAtThePreallocatedZeros() throws Exception {
    Path segment = data.resolve("log_inprogress_0");
    byte[] file = new byte[200_000];
    System.arraycopy("RaftLog1".getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, file, 0, 8);
    file[100] = 7;
    file[70_000] = 0; // zeros inside the data do not end it
    file[70_001] = 9;
    Files.write(segment, file);
    assertEquals(70_002, RaftLogFiles.writtenLength(segment));
    Files.write(segment, java.util.Arrays.copyOf(file, 8));
    assertEquals(8, RaftLogFiles.writtenLength(segment), "a header alone");
  }

  @Test
  void noSegmentWhenTheGroupOrItsOpenSegmentIsMissing() throws Exception {
    assertTrue(RaftLogFiles.openSegment(data, "group-144E27C18D28").isEmpty(), "no raft dir at all");
    Path group = Files.createDirectories(data.resolve("raft/c2048f2f-f0e9-3768-aaa5-144e27c18d28/current"));
    Files.writeString(group.resolve("log_0-99"), "RaftLog1");
    assertTrue(RaftLogFiles.openSegment(data, "group-144E27C18D28").isEmpty(), "closed segments only");
    assertTrue(RaftLogFiles.openSegment(data, "group-000000000000").isEmpty(), "another group");
  }
}
