package io.rafka.client.consumer;

/** A committed offset (the next record to read) with optional metadata. Immutable. */
public record OffsetAndMetadata(long offset, String metadata) {
  public OffsetAndMetadata {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, was " + offset);
    }
    metadata = metadata == null ? "" : metadata;
  }

  public OffsetAndMetadata(long offset) {
    this(offset, "");
  }
}
