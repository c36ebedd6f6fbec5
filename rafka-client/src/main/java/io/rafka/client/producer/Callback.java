package io.rafka.client.producer;

/**
 * Told once when a record is acknowledged ({@code exception} null) or has failed ({@code metadata} null).
 * Runs on the producer's I/O thread: keep it short and never block in it.
 */
@FunctionalInterface
public interface Callback {
  void onCompletion(RecordMetadata metadata, Exception exception);
}
