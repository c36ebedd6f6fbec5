package io.rafka.server.raft;

/**
 * How far one Raft group this node hosts has come, as this node's replica knows it. Immutable.
 *
 * @param group what the group holds: {@code metadata} or {@code <topic>-<partition>}
 * @param leaderKnown whether this replica knows a leader of its group
 * @param appliedIndex the last index this replica's state machine applied
 * @param leaderCommitIndex the leader's commit index as last heard from it (its own when it leads); -1 when no
 *     leader is known
 */
public record GroupProgress(String group, boolean leaderKnown, long appliedIndex, long leaderCommitIndex) {
  /** Entries the leader has committed that this replica has not applied yet; -1 when no leader is known. */
  public long lag() {
    return leaderKnown ? Math.max(0, leaderCommitIndex - appliedIndex) : -1;
  }
}
