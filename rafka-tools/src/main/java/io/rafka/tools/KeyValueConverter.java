package io.rafka.tools;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Lets picocli turn a {@code key=value} argument into a {@link KeyValue}, so a malformed one is a usage
 * error (exit 2) that names the problem. Stateless and thread-safe.
 */
final class KeyValueConverter implements ITypeConverter<KeyValue> {
  @Override
  public KeyValue convert(String value) {
    try {
      return KeyValue.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
