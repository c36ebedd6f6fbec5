package io.rafka.server.membership;

import io.rafka.server.group.LeaderPositions;

/** The cluster membership handlers, bundled for the API server. Immutable. */
public record ClusterAdmin(ClusterStatusView status, NodeAdmin nodes, PartitionGroupAdmin partitions,
    MetadataVoterAdmin voters, ReplicaSizes sizes, LeaderPositions positions) {}
