package io.rafka.server.raft;

import io.rafka.proto.internal.PartitionSnapshotManifest;
import io.rafka.proto.internal.SnapshotFileEntry;
import io.rafka.server.common.DurableFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.SnapshotInfo;
import org.apache.ratis.statemachine.SnapshotRetentionPolicy;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.impl.FileListSnapshotInfo;
import org.apache.ratis.util.FileUtils;

/**
 * The files of one partition group's state machine, under Ratis's {@code sm} directory:
 *
 * <pre>
 * sm/identity                      which partition this group is (written once)
 * sm/log/                          the live segments
 * sm/snapshot.TERM_INDEX/manifest  a snapshot: its manifest...
 * sm/snapshot.TERM_INDEX/*.log     ...and hard links to the segment and index files it covers
 * </pre>
 *
 * A snapshot is complete once its manifest exists (written last, atomically). Ratis ships a snapshot to a
 * lagging follower by reading exactly the listed size of each file, then replaces the follower's whole
 * {@code sm} directory with what it received; the follower rebuilds {@code sm/log} from the snapshot's links.
 *
 * <p>Thread-safety: written only by the group's apply thread; the latest snapshot is published through a
 * volatile field for Ratis's other threads.
 */
final class PartitionSnapshotStorage implements StateMachineStorage {
  static final String MANIFEST = "manifest";
  private static final Pattern SNAPSHOT_DIR = Pattern.compile("snapshot\\.(\\d+)_(\\d+)");
  /** The newest snapshots are kept: a follower may still be reading the previous one. */
  private static final int SNAPSHOTS_KEPT = 2;

  private volatile Path smDir;
  private volatile Snapshot latest;

  @Override
  public void init(RaftStorage raftStorage) throws IOException {
    smDir = raftStorage.getStorageDir().getStateMachineDir().toPath();
    Files.createDirectories(smDir);
    latest = scanLatest();
  }

  /** Re-reads the directory, after Ratis replaced it with an installed snapshot. */
  void reload() throws IOException {
    Files.createDirectories(smDir);
    latest = scanLatest();
  }

  Path logDir() {
    return smDir.resolve("log");
  }

  Path identityFile() {
    return smDir.resolve("identity");
  }

  Snapshot latest() {
    return latest;
  }

  Path newSnapshotDir(TermIndex ti) throws IOException {
    Path dir = smDir.resolve("snapshot." + ti.getTerm() + "_" + ti.getIndex());
    if (Files.exists(dir)) {
      FileUtils.deleteFully(dir);
    }
    return dir;
  }

  /** Seals a snapshot: writes its manifest durably, and makes it the latest. */
  void commit(Path dir, PartitionSnapshotManifest manifest) throws IOException {
    DurableFiles.writeAtomically(dir.resolve(MANIFEST), manifest.toByteArray());
    DurableFiles.fsyncDirectory(smDir);
    latest = new Snapshot(TermIndex.valueOf(manifest.getTerm(), manifest.getIndex()), dir, manifest);
  }

  @Override
  public SnapshotInfo getLatestSnapshot() {
    Snapshot s = latest;
    if (s == null) {
      return null;
    }
    List<FileInfo> files = new ArrayList<>();
    files.add(new SizedFileInfo(identityFile()));
    files.add(new SizedFileInfo(s.dir.resolve(MANIFEST)));
    for (SnapshotFileEntry f : s.manifest.getFilesList()) {
      files.add(new SizedFileInfo(s.dir.resolve(f.getName()), f.getSizeBytes()));
    }
    return new FileListSnapshotInfo(files, s.termIndex);
  }

  @Override
  public void format() {
    // Nothing to prepare: directories are created on init.
  }

  @Override
  public void cleanupOldSnapshots(SnapshotRetentionPolicy policy) throws IOException {
    Snapshot keep = latest;
    if (keep == null) {
      return;
    }
    List<Path> old = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(smDir)) {
      dirs.filter(p -> termIndexOf(p) != null)
          .sorted(Comparator.comparing((Path p) -> termIndexOf(p)).reversed())
          .skip(SNAPSHOTS_KEPT)
          .forEach(old::add);
    }
    for (Path p : old) {
      FileUtils.deleteFully(p);
    }
  }

  private Snapshot scanLatest() throws IOException {
    List<Path> candidates = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(smDir)) {
      dirs.filter(p -> termIndexOf(p) != null).forEach(candidates::add);
    }
    candidates.sort(Comparator.comparing((Path p) -> termIndexOf(p)).reversed());
    for (Path dir : candidates) {
      Path manifest = dir.resolve(MANIFEST);
      if (Files.exists(manifest)) {
        try (InputStream in = Files.newInputStream(manifest)) {
          PartitionSnapshotManifest m = PartitionSnapshotManifest.parseFrom(in);
          return new Snapshot(TermIndex.valueOf(m.getTerm(), m.getIndex()), dir, m);
        }
      }
    }
    return null;
  }

  private static TermIndex termIndexOf(Path dir) {
    Matcher m = SNAPSHOT_DIR.matcher(dir.getFileName().toString());
    if (!m.matches() || !Files.isDirectory(dir)) {
      return null;
    }
    return TermIndex.valueOf(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
  }

  /** A complete snapshot on disk. */
  record Snapshot(TermIndex termIndex, Path dir, PartitionSnapshotManifest manifest) {}

  /**
   * A snapshot file whose size is the one recorded at the checkpoint, not the current one: the active
   * segment is a hard link to a file that keeps growing, and a follower must get exactly the checkpointed
   * prefix (Ratis reads {@link #getFileSize()} bytes).
   */
  private static final class SizedFileInfo extends FileInfo {
    private final long size;

    SizedFileInfo(Path path, long size) {
      super(path, null);
      this.size = size;
    }

    SizedFileInfo(Path path) {
      this(path, sizeOf(path));
    }

    @Override
    public long getFileSize() {
      return size;
    }

    private static long sizeOf(Path path) {
      try {
        return Files.size(path);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
