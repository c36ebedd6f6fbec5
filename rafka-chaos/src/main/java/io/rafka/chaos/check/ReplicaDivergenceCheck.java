package io.rafka.chaos.check;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@link Anomaly#REPLICA_DIVERGENCE}: once healed, every replica of a partition holds the same log. Each
 * replica is compared with the partition's longest final read (the lowest node among equals); counts one per
 * replica that differs from it, by a value or a missing offset.
 */
final class ReplicaDivergenceCheck implements AnomalyCheck {
  @Override
  public void check(HistoryIndex history, AnomalyLog log) {
    for (int partition : history.finalReads().partitions()) {
      Map<Integer, TreeMap<Long, String>> logs = history.replicaLogs(partition);
      int reference = longest(logs);
      logs.forEach((node, replicaLog) -> {
        if (node != reference && !replicaLog.equals(logs.get(reference))) {
          log.add(Anomaly.REPLICA_DIVERGENCE, difference(partition, reference, logs.get(reference), node, replicaLog));
        }
      });
    }
  }

  private static int longest(Map<Integer, TreeMap<Long, String>> logs) {
    int longest = -1;
    for (Map.Entry<Integer, TreeMap<Long, String>> replica : logs.entrySet()) {
      if (longest == -1 || replica.getValue().size() > logs.get(longest).size()) {
        longest = replica.getKey();
      }
    }
    return longest;
  }

  private static String difference(int partition, int referenceNode, TreeMap<Long, String> reference, int node,
      TreeMap<Long, String> replica) {
    TreeSet<Long> offsets = new TreeSet<>(reference.keySet());
    offsets.addAll(replica.keySet());
    int differing = 0;
    long first = -1;
    for (long offset : offsets) {
      if (!Objects.equals(reference.get(offset), replica.get(offset))) {
        differing++;
        first = first == -1 ? offset : first;
      }
    }
    return "partition " + partition + ": node " + node + " differs from node " + referenceNode + " at " + differing
        + " offsets, first at offset " + first + " where node " + node + " has " + shown(replica.get(first))
        + " and node " + referenceNode + " has " + shown(reference.get(first));
  }

  private static String shown(String value) {
    return value == null ? "nothing" : "'" + value + "'";
  }
}
