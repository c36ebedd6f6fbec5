package io.rafka.chaos.net;

/**
 * Bytes read from one side of a connection, or the end of that side's stream when {@code bytes} is null.
 * Immutable by convention: nobody writes to {@code bytes} after the reader hands it over.
 */
record Chunk(byte[] bytes, long readAtNanos) {
  static Chunk endOfStream(long readAtNanos) {
    return new Chunk(null, readAtNanos);
  }

  boolean isEndOfStream() {
    return bytes == null;
  }

  int length() {
    return bytes == null ? 0 : bytes.length;
  }
}
