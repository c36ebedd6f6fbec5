package io.rafka.client.admin;

import java.util.List;

/**
 * The metadata group's Raft configuration: its leader, term and commit index, and its voters and
 * listeners. Immutable and thread-safe.
 *
 * @param leader the leader's node id, -1 when unknown
 * @param term the current term
 * @param commitIndex the commit index
 * @param peers the voters and listeners
 */
public record MetadataQuorum(int leader, long term, long commitIndex, List<Peer> peers) {
  /** Copies the peers. */
  public MetadataQuorum {
    peers = List.copyOf(peers);
  }

  /** The node ids of the voters, in peer order. */
  public List<Integer> voters() {
    return peers.stream().filter(Peer::voter).map(Peer::nodeId).toList();
  }

  /**
   * A member of the metadata group. Immutable and thread-safe.
   *
   * @param nodeId the node
   * @param raftAddress where its Raft peers reach it (host:port)
   * @param role VOTER or LISTENER
   * @param leader whether it is the group's leader
   * @param lastContactMs milliseconds since the leader last heard from it; -1 when unknown (the answer did
   *     not come from the leader, or this peer is the leader)
   */
  public record Peer(int nodeId, String raftAddress, String role, boolean leader, long lastContactMs) {
    /** The role of a voter. */
    public static final String VOTER = "VOTER";
    /** The role of a listener. */
    public static final String LISTENER = "LISTENER";

    /** Whether it votes. */
    public boolean voter() {
      return VOTER.equals(role);
    }
  }
}
