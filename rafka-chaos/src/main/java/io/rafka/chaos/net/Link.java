package io.rafka.chaos.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * One ordered pair of nodes: the connections node {@code from} opens to node {@code to}. Immutable.
 *
 * <p>Every link has its own loopback address {@code 127.0.from.to}, which is what lets the harness cut
 * 1->2 while 3->2 still works: Linux routes all of 127.0.0.0/8 to the loopback device, so anyone may bind it.
 */
public record Link(int from, int to) {
  /** Node ids are octets of a loopback address; 0 and 255 are left out so no address is a network or broadcast. */
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

  /** {@code 127.0.from.to}: where this link's proxy listens and what {@code from} resolves {@code to}'s name to. */
  public InetAddress address() {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, (byte) from, (byte) to});
    } catch (UnknownHostException e) {
      throw new AssertionError("four bytes are always a valid IPv4 address", e);
    }
  }

  @Override
  public String toString() {
    return from + "->" + to;
  }
}
