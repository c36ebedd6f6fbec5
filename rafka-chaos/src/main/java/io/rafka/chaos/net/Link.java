package io.rafka.chaos.net;

/**
 * One ordered pair of nodes: the connections node {@code from} opens to node {@code to}. Immutable.
 *
 * <p>Every link has its own address ({@link AddressPlan#link}), which is what lets the harness cut 1->2 while 3->2
 * still works.
 */
public record Link(int from, int to) {
  /** Node ids are octets of an IPv4 address; 0 and 255 are left out so no address is a network or broadcast. */
  public static final int MAX_NODE = 254;

  public Link {
    requireNode("from", from);
    requireNode("to", to);
    if (from == to) {
      throw new IllegalArgumentException("a link joins two different nodes, got from = to = " + from);
    }
  }

  static void requireNode(String name, int node) {
    if (node < 1 || node > MAX_NODE) {
      throw new IllegalArgumentException(name + " must be a node id in [1, " + MAX_NODE + "], got " + node);
    }
  }

  @Override
  public String toString() {
    return from + "->" + to;
  }
}
