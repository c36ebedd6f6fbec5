package io.rafka.server.metadata;

/**
 * One replica of a partition group: the node, its Raft address, and its leader priority (higher = more
 * preferred; the first replica in ring order gets the highest). Immutable.
 */
public record ReplicaPeer(int nodeId, String raftAddress, int priority) {}
