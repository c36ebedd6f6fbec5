package io.rafka.common.compress;

import java.io.EOFException;
import java.util.Objects;

/**
 * Immutable, so thread-safe: thrown when bytes handed to {@link Codec#decompress} are not valid data for that
 * codec (bad magic, bad header, a checksum mismatch, truncation, bytes after the end of the frame...).
 *
 * <p>Checked, like {@link DecompressedTooLargeException}: the two mean different things to a server (a corrupt
 * batch versus one that is too large), so callers are made to decide what each one becomes.
 */
public final class CorruptCompressedDataException extends Exception {
  private static final long serialVersionUID = 1L;

  private final CompressionType compressionType;

  /**
   * @param compressionType the codec whose data this was meant to be
   * @param detail what is wrong with it
   * @param cause what the codec's library threw, or null
   */
  public CorruptCompressedDataException(CompressionType compressionType, String detail, Throwable cause) {
    super(Objects.requireNonNull(compressionType, "compressionType").configName() + " data is corrupt: "
        + detail, cause);
    this.compressionType = compressionType;
  }

  /**
   * @param compressionType the codec whose data this was meant to be
   * @param cause what the codec's library threw; its message is the detail
   */
  public CorruptCompressedDataException(CompressionType compressionType, Throwable cause) {
    this(compressionType, describe(cause), cause);
  }

  /** The codec whose data this was meant to be. */
  public CompressionType compressionType() {
    return compressionType;
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    if (message != null && !message.isBlank()) {
      return message;
    }
    return cause instanceof EOFException ? "the data ends too early" : cause.getClass().getName();
  }
}
