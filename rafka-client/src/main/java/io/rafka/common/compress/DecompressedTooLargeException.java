package io.rafka.common.compress;

import java.util.Objects;

/**
 * Immutable, so thread-safe: thrown when compressed data would decompress to more bytes than the caller's limit,
 * or declares in its own header that it may (an LZ4 block size or a Zstandard window larger than the limit).
 *
 * <p>Checked, like {@link CorruptCompressedDataException}. When it is thrown no more than the limit was
 * decompressed; the data after that point was not looked at, so it may be corrupt as well.
 */
public final class DecompressedTooLargeException extends Exception {
  private static final long serialVersionUID = 1L;

  private final CompressionType compressionType;
  private final int limit;

  /**
   * @param compressionType the codec whose data this is
   * @param limit the largest decompressed size, in bytes, the caller accepted
   * @param detail what exceeded it
   */
  public DecompressedTooLargeException(CompressionType compressionType, int limit, String detail) {
    super(Objects.requireNonNull(compressionType, "compressionType").configName() + " data is over the "
        + "decompressed size limit of " + limit + " bytes: " + detail);
    this.compressionType = compressionType;
    this.limit = limit;
  }

  /** The largest decompressed size, in bytes, the caller accepted. */
  public int getLimit() {
    return limit;
  }

  /** The codec whose data this is. */
  public CompressionType compressionType() {
    return compressionType;
  }
}
