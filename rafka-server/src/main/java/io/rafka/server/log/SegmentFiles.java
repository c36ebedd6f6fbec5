package io.rafka.server.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Stateless and thread-safe: file names and small file helpers of a log directory. */
final class SegmentFiles {
  static final String LOG_SUFFIX = ".log";
  static final String INDEX_SUFFIX = ".index";
  private static final int DIGITS = 20;

  private SegmentFiles() {}

  static String logName(long baseOffset) {
    return String.format(Locale.ROOT, "%020d", baseOffset) + LOG_SUFFIX;
  }

  static String indexName(long baseOffset) {
    return String.format(Locale.ROOT, "%020d", baseOffset) + INDEX_SUFFIX;
  }

  /** Whether {@code name} is a segment or index file name of this log. */
  static boolean isLogFile(String name) {
    return baseOffsetOf(name, LOG_SUFFIX) >= 0 || baseOffsetOf(name, INDEX_SUFFIX) >= 0;
  }

  /** The base offset in a file name of the form {@code <20 digits><suffix>}, or -1. */
  static long baseOffsetOf(String name, String suffix) {
    if (name.length() != DIGITS + suffix.length() || !name.endsWith(suffix)) {
      return -1;
    }
    for (int i = 0; i < DIGITS; i++) {
      if (name.charAt(i) < '0' || name.charAt(i) > '9') {
        return -1;
      }
    }
    try {
      return Long.parseLong(name.substring(0, DIGITS));
    } catch (NumberFormatException e) {
      return -1; // more than Long.MAX_VALUE
    }
  }

  /** The base offsets of the {@code .log} files in {@code dir}, ascending. */
  static List<Long> segmentBaseOffsets(Path dir) throws IOException {
    List<Long> bases = new ArrayList<>();
    for (Path file : list(dir)) {
      long base = baseOffsetOf(file.getFileName().toString(), LOG_SUFFIX);
      if (base >= 0) {
        bases.add(base);
      }
    }
    bases.sort(null);
    return bases;
  }

  static List<Path> list(Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(files::add);
    }
    return files;
  }

  /** Writes all of {@code buf} at {@code position}. */
  static void writeFully(FileChannel channel, ByteBuffer buf, long position) throws IOException {
    long at = position;
    while (buf.hasRemaining()) {
      at += channel.write(buf, at);
    }
  }
}
