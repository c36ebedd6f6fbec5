package io.rafka.server.log;

import static io.rafka.server.log.TestSupport.config;
import static io.rafka.server.log.TestSupport.contents;
import static io.rafka.server.log.TestSupport.frames;
import static io.rafka.server.log.TestSupport.payload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rafka.protocol.FrameReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointRestoreTest {
  private static final LogConfig CONFIG = config(1000, Long.MAX_VALUE, 200);

  @TempDir Path tmp;

  private static void appendBatches(PartitionLog log, int from, int to) throws IOException {
    for (int i = from; i < to; i++) {
      log.append(1 + i % 4, i, i, payload(i, 20 + (i * 37) % 150));
    }
  }

  /** A log given batches {@code [0, n)} and nothing else, for comparing files. */
  private Map<String, byte[]> reference(String name, int n) throws IOException {
    Path dir = tmp.resolve(name);
    try (PartitionLog log = PartitionLog.create(dir, CONFIG)) {
      appendBatches(log, 0, n);
    }
    return contents(dir);
  }

  @Test
  void restoreBringsTheLogBackToExactlyTheCheckpoint() throws IOException {
    Path dir = tmp.resolve("p");
    Path snap = tmp.resolve("snap-1");
    LogSnapshot snapshot;
    try (PartitionLog log = PartitionLog.create(dir, CONFIG)) {
      appendBatches(log, 0, 40);
      snapshot = log.checkpoint(snap);
      assertEquals(log.logEndOffset(), snapshot.checkpoint().logEndOffset());
      appendBatches(log, 40, 100); // rolls several times
    }
    LogCheckpoint checkpoint = snapshot.checkpoint();
    assertEquals(2 * checkpoint.segments().size(), snapshot.files().size());
    for (LogSnapshot.SnapshotFile file : snapshot.files()) {
      assertEquals(snap, file.path().getParent());
      assertTrue(Files.size(file.path()) >= file.sizeBytes(), file.toString());
    }

    try (PartitionLog log = PartitionLog.restore(dir, CONFIG, checkpoint, snap)) {
      assertEquals(checkpoint.logEndOffset(), log.logEndOffset());
      assertEquals(checkpoint.segments().size(), log.segmentCount());
      assertEquals(
          checkpoint.segments().stream().mapToLong(SegmentCheckpoint::sizeBytes).sum(), log.sizeInBytes());
      TestSupport.assertSameContents(reference("ref40", 40), contents(dir));
      AppendedBatch next = log.append(1, 40, 40, payload(40, 20 + (40 * 37) % 150));
      assertEquals(checkpoint.logEndOffset(), next.baseOffset());
      appendBatches(log, 41, 100);
    }
    TestSupport.assertSameContents(reference("ref100", 100), contents(dir));
  }

  @Test
  void checkpointRecordsTheSegments() throws IOException {
    try (PartitionLog log = PartitionLog.create(tmp.resolve("p"), CONFIG)) {
      appendBatches(log, 0, 30);
      log.trimTo(3);
      LogCheckpoint checkpoint = log.checkpoint(tmp.resolve("snap")).checkpoint();
      assertEquals(3, checkpoint.logStartOffset());
      assertEquals(log.segmentCount(), checkpoint.segments().size());
      SegmentCheckpoint first = checkpoint.segments().get(0);
      assertEquals(0, first.baseOffset());
      assertEquals(0, first.firstAppendTimeMs());
      assertTrue(first.maxAppendTimeMs() > 0);
      assertTrue(first.indexSizeBytes() > 0);
      SegmentCheckpoint last = checkpoint.segments().get(checkpoint.segments().size() - 1);
      assertEquals(29, last.maxAppendTimeMs());
      assertEquals(log.logEndOffset(), last.nextOffset());
    }
  }

  @Test
  void followerInstallRestoresIntoAnEmptyDirectory() throws IOException {
    Path snap = tmp.resolve("snap");
    LogSnapshot snapshot;
    List<FrameReader.Frame> expected;
    try (PartitionLog leader = PartitionLog.create(tmp.resolve("leader"), CONFIG)) {
      appendBatches(leader, 0, 60);
      leader.trimTo(10);
      snapshot = leader.checkpoint(snap);
      expected = frames(leader.read(10, Integer.MAX_VALUE));
      appendBatches(leader, 60, 80); // the hard-linked active segment keeps growing
    }
    // what Ratis ships: a prefix of each file, into the follower's snapshot directory
    Path followerSnap = tmp.resolve("follower-snap");
    Files.createDirectories(followerSnap);
    for (LogSnapshot.SnapshotFile file : snapshot.files()) {
      byte[] bytes = Files.readAllBytes(file.path());
      Files.write(
          followerSnap.resolve(file.path().getFileName()),
          java.util.Arrays.copyOf(bytes, (int) file.sizeBytes()));
    }
    Path followerDir = tmp.resolve("follower");
    try (PartitionLog follower =
        PartitionLog.restore(followerDir, CONFIG, snapshot.checkpoint(), followerSnap)) {
      assertEquals(10, follower.logStartOffset());
      assertEquals(snapshot.checkpoint().logEndOffset(), follower.logEndOffset());
      List<FrameReader.Frame> actual = frames(follower.read(10, Integer.MAX_VALUE));
      assertEquals(expected, actual);
      assertThrows(OffsetOutOfRangeException.class, () -> follower.read(9, 100));
      appendBatches(follower, 60, 61);
    }
  }

  @Test
  void aLaggingFollowerTakesTheSnapshotFilesOverItsShorterOnes() throws IOException {
    Path snap = tmp.resolve("snap");
    LogCheckpoint checkpoint;
    try (PartitionLog leader = PartitionLog.create(tmp.resolve("leader"), CONFIG)) {
      appendBatches(leader, 0, 60);
      checkpoint = leader.checkpoint(snap).checkpoint();
    }
    Path followerDir = tmp.resolve("follower");
    try (PartitionLog follower = PartitionLog.create(followerDir, CONFIG)) {
      appendBatches(follower, 0, 3); // same first segment name, but shorter
    }
    try (PartitionLog follower = PartitionLog.restore(followerDir, CONFIG, checkpoint, snap)) {
      assertEquals(checkpoint.logEndOffset(), follower.logEndOffset());
      assertEquals(60, frames(follower.read(0, Integer.MAX_VALUE)).size());
    }
    TestSupport.assertSameContents(reference("ref", 60), contents(followerDir));
  }

  @Test
  void restoreRelinksSegmentsTrimmedAfterTheCheckpoint() throws IOException {
    Path dir = tmp.resolve("p");
    Path snap = tmp.resolve("snap");
    LogCheckpoint checkpoint;
    try (PartitionLog log = PartitionLog.create(dir, CONFIG)) {
      appendBatches(log, 0, 60);
      checkpoint = log.checkpoint(snap).checkpoint();
      appendBatches(log, 60, 70);
      log.trimTo(log.logEndOffset());
      assertEquals(1, log.segmentCount());
    }
    try (PartitionLog log = PartitionLog.restore(dir, CONFIG, checkpoint, snap)) {
      assertEquals(0, log.logStartOffset());
      assertEquals(checkpoint.logEndOffset(), log.logEndOffset());
      assertEquals(60, frames(log.read(0, Integer.MAX_VALUE)).size());
    }
    TestSupport.assertSameContents(reference("ref", 60), contents(dir));
  }

  @Test
  void corruptionInsideTheCheckpointedRangeIsAnError() throws IOException {
    Path dir = tmp.resolve("p");
    Path snap = tmp.resolve("snap");
    LogSnapshot snapshot;
    try (PartitionLog log = PartitionLog.create(dir, CONFIG)) {
      appendBatches(log, 0, 20);
      snapshot = log.checkpoint(snap);
    }
    SegmentCheckpoint last = snapshot.checkpoint().segments().get(snapshot.checkpoint().segments().size() - 1);
    assertTrue(last.sizeBytes() > 100);
    Path file = dir.resolve(SegmentFiles.logName(last.baseOffset()));
    long corruptAt = last.sizeBytes() - 5;
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(corruptAt);
      int b = raf.read();
      raf.seek(corruptAt);
      raf.write(b ^ 0xFF);
    }
    CorruptLogException e =
        assertThrows(
            CorruptLogException.class,
            () -> PartitionLog.restore(dir, CONFIG, snapshot.checkpoint(), snap));
    assertEquals(file, e.file());
    assertTrue(e.position() >= 0 && e.position() <= corruptAt, "position " + e.position());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("byte " + e.position()), e.getMessage());
  }

  @Test
  void aClosedSegmentThatDoesNotEndWhereTheCheckpointSaysIsAnError() throws IOException {
    Path dir = tmp.resolve("p");
    Path snap = tmp.resolve("snap");
    LogSnapshot snapshot;
    try (PartitionLog log = PartitionLog.create(dir, CONFIG)) {
      appendBatches(log, 0, 40);
      snapshot = log.checkpoint(snap);
    }
    SegmentCheckpoint first = snapshot.checkpoint().segments().get(0);
    assertTrue(snapshot.checkpoint().segments().size() > 1);
    // the last frame of the closed first segment claims one record more than it has
    Path file = dir.resolve(SegmentFiles.logName(0));
    List<FrameReader.Frame> frames;
    try (PartitionLog log = PartitionLog.restore(tmp.resolve("copy"), CONFIG, snapshot.checkpoint(), snap)) {
      frames = frames(log.read(0, (int) first.sizeBytes()));
    }
    long lastFrameAt = first.sizeBytes() - frames.get(frames.size() - 1).payload().size() - 37;
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(lastFrameAt + 17);
      int count = raf.readInt();
      raf.seek(lastFrameAt + 17);
      raf.writeInt(count + 1);
    }
    CorruptLogException e =
        assertThrows(
            CorruptLogException.class,
            () -> PartitionLog.restore(dir, CONFIG, snapshot.checkpoint(), snap));
    assertEquals(file, e.file());
  }

  @Test
  void aFileMissingFromBothDirectoriesIsAnError() throws IOException {
    Path dir = tmp.resolve("p");
    Path snap = tmp.resolve("snap");
    LogCheckpoint checkpoint;
    try (PartitionLog log = PartitionLog.create(dir, CONFIG)) {
      appendBatches(log, 0, 40);
      checkpoint = log.checkpoint(snap).checkpoint();
    }
    Path first = dir.resolve(SegmentFiles.logName(0));
    Files.delete(first);
    Files.delete(snap.resolve(first.getFileName()));
    CorruptLogException e =
        assertThrows(
            CorruptLogException.class, () -> PartitionLog.restore(dir, CONFIG, checkpoint, snap));
    assertEquals(first, e.file());
  }

  @Test
  void restoreDeletesFilesNotInTheCheckpoint() throws IOException {
    Path dir = tmp.resolve("p");
    Path snap = tmp.resolve("snap");
    LogCheckpoint checkpoint;
    try (PartitionLog log = PartitionLog.create(dir, CONFIG)) {
      appendBatches(log, 0, 5);
      checkpoint = log.checkpoint(snap).checkpoint();
      assertEquals(1, checkpoint.segments().size());
      appendBatches(log, 5, 60);
    }
    try (PartitionLog log = PartitionLog.restore(dir, CONFIG, checkpoint, snap)) {
      assertEquals(1, log.segmentCount());
    }
    assertEquals(2, contents(dir).size());
    assertFalse(Files.exists(dir.resolve(SegmentFiles.logName(checkpoint.logEndOffset() + 100))));
  }
}
