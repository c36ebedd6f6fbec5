package io.rafka.server.metadata;

/**
 * A registered node: its addresses, its place in the ring, and since when the metadata group's leader has not
 * heard from it ({@code downSinceMs}, 0 while it answers). Immutable.
 */
public record NodeInfo(int nodeId, String clientAddress, String raftAddress, MemberState state, long downSinceMs) {

  /** Whether the ring places replicas on this node. */
  public boolean inRing() {
    return state == MemberState.ACTIVE;
  }

  public boolean isDown() {
    return downSinceMs > 0;
  }

  NodeInfo withState(MemberState next) {
    return new NodeInfo(nodeId, clientAddress, raftAddress, next, downSinceMs);
  }

  NodeInfo withDownSince(long next) {
    return new NodeInfo(nodeId, clientAddress, raftAddress, state, next);
  }
}
