package io.rafka.server.metrics;

import java.util.Map;

/**
 * The cluster's health as numbers, from one node's metadata copy. Immutable.
 *
 * @param underReplicated partitions with fewer replicas than their replication factor or a replica on a node
 *     that is down
 * @param leaderless partitions with no known leader or whose known leader is on a node that is down
 * @param nodesDown registered nodes that are down
 * @param quorumAtRisk for each registered node, the partitions that would lose their Raft majority if it died
 *     now
 */
public record ClusterHealth(int underReplicated, int leaderless, int nodesDown, Map<Integer, Integer> quorumAtRisk) {
  public ClusterHealth {
    quorumAtRisk = Map.copyOf(quorumAtRisk);
  }
}
