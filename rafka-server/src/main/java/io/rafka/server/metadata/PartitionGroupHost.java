package io.rafka.server.metadata;

import io.rafka.proto.internal.PartitionIdentity;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** The node's Raft server as the reconciler needs it: which partition groups it hosts, add one, remove one. */
public interface PartitionGroupHost {
  Set<PartitionRef> hostedPartitions();

  /**
   * Hosted replicas whose Raft division has shut down while registered: Ratis closes a replica that was
   * removed from its group's configuration without hearing so (the leader tells it when it asks for votes).
   * Such a replica never runs again; it can only be removed.
   */
  Set<PartitionRef> closedPartitions();

  /**
   * Starts this node's replica of a partition group. With the group's members in {@code replicas} it starts a
   * new group (or rejoins one it is a member of); with none it starts an empty replica that waits for the
   * group's leader to add it to the configuration and catch it up.
   */
  CompletableFuture<Void> addPartition(PartitionIdentity identity, List<ReplicaPeer> replicas);

  /** Stops this node's replica of a partition group and deletes its data. */
  CompletableFuture<Void> removePartition(PartitionRef partition);

  /**
   * Whether the group has left this node behind: the leader among {@code members} reports a stable
   * configuration without this node. False when no leader answers, so that a replica is never deleted on a
   * guess.
   */
  CompletableFuture<Boolean> leftGroup(PartitionRef partition, List<ReplicaPeer> members);
}
