package io.rafka.server.membership;

import io.rafka.proto.NodeLiveness;
import io.rafka.server.metadata.NodeInfo;

/** How a node is doing, from the metadata's down-since time and the node.dead.timeout. Stateless. */
final class Liveness {
  private Liveness() {}

  static NodeLiveness of(NodeInfo node, long nowMs, long deadTimeoutMs) {
    if (!node.isDown()) {
      return NodeLiveness.NODE_ALIVE;
    }
    return nowMs - node.downSinceMs() >= deadTimeoutMs ? NodeLiveness.NODE_DEAD : NodeLiveness.NODE_DOWN;
  }
}
