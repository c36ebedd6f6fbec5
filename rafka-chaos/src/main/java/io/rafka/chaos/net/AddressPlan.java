package io.rafka.chaos.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which IPv4 addresses the nodes, the pair proxies and the harness use. Immutable.
 *
 * <p>On {@linkplain #loopback() loopback} (no root needed) every node listens on {@code 127.0.0.1} and the proxy of
 * link {@code a->b} on {@code 127.0.a.b}: Linux routes all of 127.0.0.0/8 to the loopback device, so anyone may
 * bind it. In {@linkplain #namespaces(int) namespaces} node {@code n} lives in a network namespace of its own at
 * {@code 10.s.0.n}, and the proxies and the harness stay in the caller's namespace on a bridge: the proxy of
 * {@code a->b} listens on {@code 10.s.a.b} and connects to {@code b} <em>from</em> that same address, so a
 * firewall rule inside a node's namespace can name each peer's traffic, in and out.
 *
 * @param first the first octet: 127 (loopback) or 10 (namespaces)
 * @param second the second octet: 0 on loopback, the run's subnet in namespaces
 */
public record AddressPlan(int first, int second) {
  /** The bridge's own address in namespaces, the last host of the 10.s.0.0/24 the nodes live in. */
  static final int HARNESS_HOST = 254;

  public AddressPlan {
    if (!(first == 127 && second == 0) && !(first == 10 && second >= 1 && second <= 254)) {
      throw new IllegalArgumentException("an address plan is 127.0.x.x or 10.s.x.x with s in [1, 254], got "
          + first + "." + second);
    }
  }

  public static AddressPlan loopback() {
    return new AddressPlan(127, 0);
  }

  /** Nodes in their own namespaces on {@code 10.subnet.0.0/16}. */
  public static AddressPlan namespaces(int subnet) {
    return new AddressPlan(10, subnet);
  }

  public boolean onLoopback() {
    return first == 127;
  }

  /** Where node {@code node} listens, for clients and for the proxies that forward to it. */
  public InetAddress node(int node) {
    Link.requireNode("node", node);
    return onLoopback() ? InetAddress.getLoopbackAddress() : address(0, node);
  }

  /** Where the proxy of {@code link} listens, and what {@code link.from()} resolves {@code link.to()}'s name to. */
  public InetAddress link(Link link) {
    return address(link.from(), link.to());
  }

  /**
   * The source address of the proxy's connections to {@code link.to()}: none on loopback (any will do), the
   * link's own address in namespaces so that {@code link.to()} can tell which peer a packet comes from.
   */
  public Optional<InetAddress> upstreamSource(Link link) {
    return onLoopback() ? Optional.empty() : Optional.of(link(link));
  }

  /** The harness's own address in namespaces: the bridge's, {@code 10.s.0.254}. */
  public InetAddress harness() {
    return onLoopback() ? InetAddress.getLoopbackAddress() : address(0, HARNESS_HOST);
  }

  /** {@code 10.s.0.0/16} or {@code 127.0.0.0/8}, for messages. */
  public String network() {
    return onLoopback() ? "127.0.0.0/8" : first + "." + second + ".0.0/16";
  }

  private InetAddress address(int third, int fourth) {
    try {
      return InetAddress.getByAddress(new byte[] {(byte) first, (byte) second, (byte) third, (byte) fourth});
    } catch (UnknownHostException e) {
      throw new AssertionError("four bytes are always a valid IPv4 address", e);
    }
  }
}
