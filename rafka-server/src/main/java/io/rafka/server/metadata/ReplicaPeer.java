package io.rafka.server.metadata;

import java.util.ArrayList;
import java.util.List;

/**
 * One replica of a partition group: the node, its Raft address, and its leader priority (higher = more
 * preferred; the first replica in ring order gets the highest). Immutable.
 */
public record ReplicaPeer(int nodeId, String raftAddress, int priority) {

  /**
   * The Raft peers of a replica set, with priorities falling along its order so that the first is the
   * preferred leader.
   *
   * @throws IllegalStateException if a replica's node is not registered in {@code image}
   */
  public static List<ReplicaPeer> ofReplicas(ClusterImage image, List<Integer> replicas) {
    List<ReplicaPeer> peers = new ArrayList<>(replicas.size());
    for (int i = 0; i < replicas.size(); i++) {
      int id = replicas.get(i);
      NodeInfo node = image.node(id).orElseThrow(
          () -> new IllegalStateException("replica on node " + id + ", which is not registered"));
      peers.add(new ReplicaPeer(node.nodeId(), node.raftAddress(), replicas.size() - i));
    }
    return peers;
  }
}
