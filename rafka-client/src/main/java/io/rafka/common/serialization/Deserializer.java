package io.rafka.common.serialization;

/**
 * Turns bytes back into a key or value. Implementations must be thread-safe. {@code null} stays {@code null}.
 *
 * @param <T> the type deserialized
 */
@FunctionalInterface
public interface Deserializer<T> {
  T deserialize(String topic, byte[] data);
}
