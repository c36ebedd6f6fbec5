package io.rafka.chaos.nemesis;

/** The faults a run can inject. */
public enum FaultKind {
  /** SIGKILL the current leader of a partition; restart it once a new leader is elected. */
  KILL_LEADER,
  /**
   * {@link #KILL_LEADER} on the one partition the run chases: its leader, then the leader elected after that,
   * and so on, each kill a fault of its own.
   */
  CHASE_LEADER,
  /** SIGSTOP the leader longer than an election timeout, then SIGCONT. */
  PAUSE_LEADER,
  KILL_FOLLOWER,
  PAUSE_FOLLOWER,
  /** SIGTERM the leader (it must exit within 30 s) and restart it. */
  BOUNCE_LEADER,
  /** Cut the leader off from every other node (through the pair proxies), then heal. */
  ISOLATE_LEADER,
  /**
   * Cut the leader off from every other node with iptables rules in the nodes' network namespaces (packets
   * dropped in the kernel), then heal. Only when the nodes run in namespaces.
   */
  FIREWALL_ISOLATE_LEADER,
  /** SIGKILL a majority of a partition's replicas: it must refuse writes until they return. */
  KILL_MAJORITY,
  KILL_ALL,
  /** Add a node, then decommission the node leading a partition, under load. */
  MEMBERSHIP,
  /**
   * SIGKILL a follower, cut the newest segment of one partition's Raft log short at a random byte (a torn
   * write), and restart it: it must drop the partial entry and catch up from its leader. Soak only.
   */
  TRUNCATE_FOLLOWER_LOG,
  /** SIGKILL a consumer-group member and start a new one. */
  KILL_GROUP_MEMBER
}
