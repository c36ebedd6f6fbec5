package io.rafka.tools;

import io.rafka.common.compress.CompressionType;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Stateless and thread-safe: lets picocli turn the console producer's {@code --compression-codec} into a
 * {@link CompressionType}, so an unknown codec (Kafka's snappy included) is a usage error (exit 2) that lists
 * the valid ones.
 */
final class CompressionCodecConverter implements ITypeConverter<CompressionType> {
  @Override
  public CompressionType convert(String value) {
    try {
      return CompressionType.forName(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
