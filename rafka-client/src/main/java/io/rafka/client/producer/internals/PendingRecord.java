package io.rafka.client.producer.internals;

import io.rafka.client.internals.RecordBatches;
import io.rafka.client.producer.RecordMetadata;
import java.util.concurrent.CompletableFuture;

/** A serialized record waiting in the accumulator, and the future its sender holds. */
record PendingRecord(RecordBatches.Encoded record, CompletableFuture<RecordMetadata> future, long createdNanos,
    int size) {}
