package io.rafka.client.admin;

/**
 * A node as {@link RafkaAdmin#describeClusterStatus()} reports it: its state in the ring, whether it
 * answers, and what it holds. Immutable and thread-safe.
 *
 * @param nodeId the node's id
 * @param clientAddress where clients reach it (host:port)
 * @param raftAddress where its Raft peers reach it (host:port)
 * @param state where it stands in the ring
 * @param liveness whether the metadata group's leader hears from it
 * @param downSinceMs when it stopped answering, in milliseconds since the epoch; 0 while alive
 * @param metadataVoter whether it votes in the metadata group
 * @param replicas the partition replicas placed on it (current replica sets)
 * @param leaders the partitions it leads, as best known
 * @param preferredLeaders the partitions whose preferred (first) replica it is
 * @param incomingMoves moves in progress that will add a replica on it
 * @param outgoingMoves moves in progress that will take a replica away from it
 */
public record NodeStatus(int nodeId, String clientAddress, String raftAddress, NodeState state,
    NodeLiveness liveness, long downSinceMs, boolean metadataVoter, int replicas, int leaders,
    int preferredLeaders, int incomingMoves, int outgoingMoves) {}
