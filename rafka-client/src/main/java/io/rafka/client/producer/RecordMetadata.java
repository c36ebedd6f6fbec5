package io.rafka.client.producer;

/** Where an acknowledged record was written. Immutable. */
public record RecordMetadata(String topic, int partition, long offset, long timestamp) {}
