package io.rafka.chaos.net;

import java.util.Optional;
import java.util.Set;

/**
 * The hosts file one node JVM reads through {@code -Djdk.net.hosts.file}: it maps every peer's advertised name to
 * the address of that node's own pair proxy, so each ordered pair travels its own link. Stateless.
 *
 * <p>With that property set the JDK resolves every name from the file alone, so it also maps {@code localhost} and
 * this machine's host name to loopback; without them a node that calls {@code InetAddress.getLocalHost()} fails.
 */
final class HostsFile {
  static final String NODE_NAME_PREFIX = "rafka-node-";

  private HostsFile() {
  }

  static String nodeName(int node) {
    return NODE_NAME_PREFIX + node;
  }

  /** The file for {@code node} in a cluster of {@code nodes} laid out by {@code plan}. */
  static String content(int node, Set<Integer> nodes, Optional<String> machineName, AddressPlan plan) {
    StringBuilder file = new StringBuilder()
        .append("# Written by the Rafka chaos harness for node ").append(node)
        .append(": each peer resolves to the address of its pair proxy.\n")
        .append("127.0.0.1 localhost\n");
    machineName.ifPresent(name -> file.append("127.0.0.1 ").append(name).append('\n'));
    for (int peer : nodes) {
      String address = (peer == node ? plan.node(node) : plan.link(new Link(node, peer))).getHostAddress();
      file.append(address).append(' ').append(nodeName(peer)).append('\n');
    }
    return file.toString();
  }
}
