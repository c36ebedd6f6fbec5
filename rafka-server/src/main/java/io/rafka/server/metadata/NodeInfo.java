package io.rafka.server.metadata;

/** A registered node. Immutable. */
public record NodeInfo(int nodeId, String clientAddress, String raftAddress) {}
