package io.rafka.server.metadata;

/** The last leader a partition's group reported, with its Raft term. Immutable. */
public record LeaderInfo(int nodeId, long term) {}
