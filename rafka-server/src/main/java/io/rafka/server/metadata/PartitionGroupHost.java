package io.rafka.server.metadata;

import io.rafka.proto.internal.PartitionIdentity;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** The node's Raft server as the reconciler needs it: which partition groups it hosts, add one, remove one. */
public interface PartitionGroupHost {
  Set<PartitionRef> hostedPartitions();

  /** Starts this node's replica of a new partition group with the given initial members. */
  CompletableFuture<Void> addPartition(PartitionIdentity identity, List<ReplicaPeer> replicas);

  /** Stops this node's replica of a partition group and deletes its data. */
  CompletableFuture<Void> removePartition(PartitionRef partition);
}
