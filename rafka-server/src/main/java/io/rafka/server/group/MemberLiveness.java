package io.rafka.server.group;

import io.rafka.server.group.assign.TopicPartition;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the coordinator knows of members beyond the replicated state: when each last heartbeated and what it
 * said it owns. Kept only in the coordinator's memory (a heartbeat is not worth a Raft write); a new
 * coordinator starts every member's session afresh and, until a member speaks, assumes it still owns every
 * partition it has not acknowledged giving up. Thread-safe.
 */
final class MemberLiveness {
  private final Map<String, Map<String, Seen>> groups = new ConcurrentHashMap<>();

  /** The last word from one member. */
  record Seen(long atNanos, Set<TopicPartition> owned) {}

  void heartbeat(String groupId, String memberId, long nowNanos, Set<TopicPartition> owned) {
    groups.computeIfAbsent(groupId, g -> new ConcurrentHashMap<>()).put(memberId, new Seen(nowNanos, Set.copyOf(owned)));
  }

  /** The member's last heartbeat; a member never heard from starts its session now. */
  Seen seen(String groupId, GroupMember member, long nowNanos) {
    return groups.computeIfAbsent(groupId, g -> new ConcurrentHashMap<>()).computeIfAbsent(member.memberId(),
        m -> new Seen(nowNanos, member.mayOwn()));
  }

  void forget(String groupId, String memberId) {
    Map<String, Seen> members = groups.get(groupId);
    if (members != null) {
      members.remove(memberId);
    }
  }

  /** Forgets everything about groups this node no longer coordinates. */
  void retainOnly(Set<String> groupIds) {
    groups.keySet().retainAll(groupIds);
  }
}
