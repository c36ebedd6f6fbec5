package io.rafka.server.raft;

/**
 * One replica of a Raft group as its own node reports it: role, the group's leader as it knows it (-1 if
 * none), the term of its last entry (the current term on a leader), its log indexes, and the configuration it
 * holds. Immutable.
 */
public record ReplicaState(int nodeId, String role, int leader, long term, long commitIndex, long appliedIndex,
    long lastIndex, long snapshotIndex, GroupConfiguration configuration) {

  public boolean isLeader() {
    return "LEADER".equals(role);
  }
}
