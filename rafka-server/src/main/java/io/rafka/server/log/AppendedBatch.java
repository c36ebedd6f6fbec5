package io.rafka.server.log;

import com.google.protobuf.ByteString;

/**
 * Immutable, so thread-safe: what {@link PartitionLog#append} wrote, the offsets it assigned and the whole
 * frame exactly as it sits in the segment (for the caller's hot-read cache).
 */
public record AppendedBatch(long baseOffset, int recordCount, ByteString frame) {
  /** The offset after the last record of this batch. */
  public long nextOffset() {
    return baseOffset + recordCount;
  }
}
