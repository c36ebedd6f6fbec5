package io.rafka.server.raft;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ratis.protocol.RaftGroupMemberId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.leader.FollowerInfo;

/**
 * Each leader's followers as its log appenders track them (match index), for the replica-lag gauges. Ratis
 * builds log appenders through the RpcType it loads by class name ({@link FollowerHintRpcType}), so there is
 * no instance to hand a registry to: this one is static, keyed by the leader's member id (server and group),
 * which keeps several servers in one JVM apart. Thread-safe.
 */
final class FollowerProgress {
  private static final Map<RaftGroupMemberId, Map<RaftPeerId, FollowerInfo>> BY_LEADER = new ConcurrentHashMap<>();

  private FollowerProgress() {}

  static void add(RaftGroupMemberId leader, FollowerInfo follower) {
    BY_LEADER.computeIfAbsent(leader, k -> new ConcurrentHashMap<>()).put(follower.getId(), follower);
  }

  static void remove(RaftGroupMemberId leader, FollowerInfo follower) {
    BY_LEADER.computeIfPresent(leader, (k, followers) -> {
      followers.remove(follower.getId(), follower);
      return followers.isEmpty() ? null : followers;
    });
  }

  /** The followers of {@code leader}'s group with their match indices; empty when it leads none. */
  static Map<RaftPeerId, Long> matchIndices(RaftGroupMemberId leader) {
    Map<RaftPeerId, Long> out = new java.util.HashMap<>();
    BY_LEADER.getOrDefault(leader, Map.of()).forEach((id, f) -> out.put(id, f.getMatchIndex()));
    return out;
  }
}
