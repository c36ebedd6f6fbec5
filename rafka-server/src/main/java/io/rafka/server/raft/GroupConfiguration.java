package io.rafka.server.raft;

import io.rafka.server.metadata.ReplicaPeer;
import java.util.List;

/**
 * A Raft group's configuration as one replica knows it: voters and listeners with their leader priorities, and
 * whether it is stable: not in the middle of a joint-consensus change, and (in a replica's view of its own
 * group) committed, so no new leader can take it back. Immutable.
 */
public record GroupConfiguration(List<ReplicaPeer> voters, List<ReplicaPeer> listeners, boolean stable) {

  public GroupConfiguration {
    voters = List.copyOf(voters);
    listeners = List.copyOf(listeners);
  }

  public List<Integer> voterIds() {
    return voters.stream().map(ReplicaPeer::nodeId).toList();
  }

  public boolean hasVoter(int nodeId) {
    return voters.stream().anyMatch(p -> p.nodeId() == nodeId);
  }
}
