package io.rafka.server.group;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A consumer group's membership as replicated through its coordinator partition: the group epoch (bumped by
 * every change), the assignor, and the members sorted by id. Immutable.
 */
public record GroupState(String groupId, int epoch, String assignor, SortedMap<String, GroupMember> members) {
  public GroupState {
    members = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(members));
  }

  public static GroupState empty(String groupId, String assignor) {
    return new GroupState(groupId, 0, assignor, new TreeMap<>());
  }

  /** The next epoch of this group with {@code members} (a new map; this one is unchanged). */
  public GroupState next(String nextAssignor, Map<String, GroupMember> nextMembers) {
    return new GroupState(groupId, epoch + 1, nextAssignor, new TreeMap<>(nextMembers));
  }
}
