package io.rafka.server.common;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writing files so that they survive a crash: fsync of files and directories, atomic replace. Stateless. */
public final class DurableFiles {
  private DurableFiles() {}

  /** Makes the contents of {@code file} durable. */
  public static void fsync(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  /** Makes the entries of {@code dir} (new, linked, renamed and deleted files) durable. */
  public static void fsyncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  /**
   * Replaces {@code file} with {@code bytes} so that a crash leaves either the old or the new content: write a
   * temporary sibling, fsync it, rename it over the file, fsync the directory.
   */
  public static void writeAtomically(Path file, byte[] bytes) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, bytes);
    fsync(tmp);
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
    fsyncDirectory(file.getParent());
  }
}
