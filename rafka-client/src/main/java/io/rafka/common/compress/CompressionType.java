package io.rafka.common.compress;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Immutable and thread-safe: the codecs a record batch can be compressed with, each with its wire id (the
 * number of {@code rafka.v1.Compression}) and its name in the producer config {@code compression.type}.
 *
 * <p>The wire enum also has {@code COMPRESSION_SNAPPY = 4}; Rafka has no Snappy codec, so {@link #forId(int)}
 * and {@link #forName(String)} refuse it with a message that says so. Names are matched exactly (lower case, no
 * surrounding blanks), as Kafka does.
 */
public enum CompressionType {
  /** No compression: the batch carries its records as they are. */
  NONE(0, "none"),
  /** The LZ4 frame format, with a content checksum. */
  LZ4(1, "lz4"),
  /** Zstandard, level 3, with a content checksum and the content size in the frame header. */
  ZSTD(2, "zstd"),
  /** GZIP (RFC 1952), as the JDK writes it. */
  GZIP(3, "gzip");

  private static final int SNAPPY_ID = 4;
  private static final String SNAPPY_NAME = "snappy";
  private static final CompressionType[] VALUES = values();
  private static final String VALID_IDS = Arrays.stream(VALUES)
      .map(t -> t.id + " (" + t.configName + ")").collect(Collectors.joining(", "));
  private static final String VALID_NAMES = Arrays.stream(VALUES)
      .map(t -> t.configName).collect(Collectors.joining(", "));

  private final int id;
  private final String configName;

  CompressionType(int id, String configName) {
    this.id = id;
    this.configName = configName;
  }

  /** The wire number, as in {@code rafka.v1.Compression}. */
  public int id() {
    return id;
  }

  /** The name used for this codec in the producer config {@code compression.type}. */
  public String configName() {
    return configName;
  }

  /**
   * The codec with this wire number.
   *
   * @throws IllegalArgumentException naming the id and listing the valid ones, if no supported codec has it
   *     (Snappy's 4 included)
   */
  public static CompressionType forId(int id) {
    for (CompressionType type : VALUES) {
      if (type.id == id) {
        return type;
      }
    }
    if (id == SNAPPY_ID) {
      throw new IllegalArgumentException("compression id " + SNAPPY_ID + " (" + SNAPPY_NAME
          + ") is not supported: Rafka has no snappy codec; supported ids are " + VALID_IDS);
    }
    throw new IllegalArgumentException("unknown compression id " + id + "; valid ids are " + VALID_IDS);
  }

  /**
   * The codec with this {@code compression.type} name, matched exactly.
   *
   * @throws IllegalArgumentException naming the value and listing the valid ones, if no supported codec has
   *     this name ({@code "snappy"} and {@code null} included)
   */
  public static CompressionType forName(String name) {
    if (name == null) {
      throw new IllegalArgumentException("compression type must not be null; valid values are " + VALID_NAMES);
    }
    for (CompressionType type : VALUES) {
      if (type.configName.equals(name)) {
        return type;
      }
    }
    if (name.equals(SNAPPY_NAME)) {
      throw new IllegalArgumentException("compression type \"" + SNAPPY_NAME
          + "\" is not supported: Rafka has no snappy codec; valid values are " + VALID_NAMES);
    }
    throw new IllegalArgumentException("unknown compression type \"" + name + "\"; valid values are "
        + VALID_NAMES);
  }
}
