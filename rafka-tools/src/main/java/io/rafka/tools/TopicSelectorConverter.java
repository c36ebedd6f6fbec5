package io.rafka.tools;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Stateless and thread-safe: lets picocli turn a {@code --topic} argument of {@code --reset-offsets} into a
 * {@link TopicSelector}, so a malformed one is a usage error (exit 2) that names the problem.
 */
final class TopicSelectorConverter implements ITypeConverter<TopicSelector> {
  @Override
  public TopicSelector convert(String value) {
    try {
      return TopicSelector.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
