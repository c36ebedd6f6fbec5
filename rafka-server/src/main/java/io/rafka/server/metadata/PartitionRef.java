package io.rafka.server.metadata;

/** A partition group as the reconciler sees it: topic incarnation and index. Immutable. */
public record PartitionRef(String topicId, int partition) {}
