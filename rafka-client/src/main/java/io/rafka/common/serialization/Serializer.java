package io.rafka.common.serialization;

/**
 * Turns a key or value into bytes. Implementations must be thread-safe: a producer calls them from every
 * thread that sends. {@code null} stays {@code null} (a null key or a tombstone value).
 *
 * @param <T> the type serialized
 */
@FunctionalInterface
public interface Serializer<T> {
  byte[] serialize(String topic, T data);
}
