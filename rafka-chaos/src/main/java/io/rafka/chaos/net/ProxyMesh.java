package io.rafka.chaos.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A {@link PairProxy} for every ordered pair of nodes, and the network faults a nemesis applies to them. Thread-safe:
 * fault operations are serialized, so {@link #describe} always sees a whole fault.
 *
 * <p>Node {@code n} listens for Raft traffic on {@code plan.node(n):<its Raft port>} and advertises
 * {@code rafka-node-n}; each node JVM gets {@link #hostsFile} so its traffic to node {@code m} goes through the proxy
 * of link n->m. On loopback the target nodes must listen on 127.0.0.1 itself, not on the wildcard address, or the
 * proxies cannot bind the same port on 127.0.n.m.
 *
 * <p>Faults add up: each operation changes only the links it names, and {@link #heal} clears them all.
 */
public final class ProxyMesh implements AutoCloseable {
  private final SortedMap<Integer, Integer> raftPorts;
  private final Map<Link, PairProxy> proxies;
  private final AddressPlan plan;

  private ProxyMesh(SortedMap<Integer, Integer> raftPorts, Map<Link, PairProxy> proxies, AddressPlan plan) {
    this.raftPorts = raftPorts;
    this.proxies = proxies;
    this.plan = plan;
  }

  /** Starts the proxies of nodes {@code 1..n}, node {@code i}'s Raft port being {@code raftPorts.get(i - 1)}. */
  public static ProxyMesh start(List<Integer> raftPorts) throws IOException {
    Map<Integer, Integer> byNode = new LinkedHashMap<>();
    for (int i = 0; i < Objects.requireNonNull(raftPorts, "raftPorts").size(); i++) {
      byNode.put(i + 1, raftPorts.get(i));
    }
    return start(byNode);
  }

  /** Starts the proxies of the nodes of {@code raftPorts} on loopback; see {@link #start(Map, AddressPlan)}. */
  public static ProxyMesh start(Map<Integer, Integer> raftPorts) throws IOException {
    return start(raftPorts, AddressPlan.loopback());
  }

  /**
   * Starts the proxies of all {@code n * (n - 1)} links between the nodes of {@code raftPorts} (node id to Raft port;
   * ids in [1, 254]), all in {@link Mode#PASS}, at the addresses {@code plan} gives.
   */
  public static ProxyMesh start(Map<Integer, Integer> raftPorts, AddressPlan plan) throws IOException {
    SortedMap<Integer, Integer> ports = Collections.unmodifiableSortedMap(
        new TreeMap<>(Objects.requireNonNull(raftPorts, "raftPorts")));
    if (ports.size() < 2) {
      throw new IllegalArgumentException("raftPorts must hold at least 2 nodes, got " + ports.keySet());
    }
    Map<Link, PairProxy> started = new LinkedHashMap<>();
    try {
      for (int from : ports.keySet()) {
        for (int to : ports.keySet()) {
          if (from != to) {
            Link link = new Link(from, to);
            started.put(link, PairProxy.start(link, ports.get(to), plan));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      started.values().forEach(PairProxy::close);
      throw e;
    }
    return new ProxyMesh(ports, Collections.unmodifiableMap(started), plan);
  }

  public AddressPlan plan() {
    return plan;
  }

  /** The node ids, in ascending order. */
  public Set<Integer> nodes() {
    return raftPorts.keySet();
  }

  /** The host name node {@code node} advertises for Raft traffic: {@code rafka-node-<node>}. */
  public static String hostName(int node) {
    return HostsFile.nodeName(node);
  }

  public PairProxy proxy(int from, int to) {
    return proxies.get(knownLink(from, to));
  }

  /** The address {@code from} reaches {@code to} at: {@link AddressPlan#link} on {@code to}'s Raft port. */
  public InetSocketAddress pairAddress(int from, int to) {
    return proxy(from, to).listenAddress();
  }

  /**
   * Writes node {@code node}'s hosts file into {@code dir} as {@code hosts-node-<node>}, replacing any earlier one.
   *
   * @return the file, for {@code -Djdk.net.hosts.file=<file>} on that node's JVM
   */
  public Path hostsFile(int node, Path dir) throws IOException {
    requireKnownNode("node", node);
    Path file = dir.resolve("hosts-node-" + node);
    Files.writeString(file, HostsFile.content(node, nodes(), machineName(), plan), StandardCharsets.UTF_8);
    return file;
  }

  /** Blackholes every link to and from {@code node}. */
  public synchronized void isolate(int node) {
    setMode(linksTouching(node), Mode.BLACKHOLE);
  }

  /** Blackholes every link between {@code sideA} and {@code sideB}, both ways; links within a side are untouched. */
  public synchronized void partition(Set<Integer> sideA, Set<Integer> sideB) {
    requireSide("sideA", sideA);
    requireSide("sideB", sideB);
    Set<Integer> overlap = new HashSet<>(sideA);
    overlap.retainAll(sideB);
    if (!overlap.isEmpty()) {
      throw new IllegalArgumentException("sideA and sideB must be disjoint, both hold " + overlap);
    }
    List<Link> across = new ArrayList<>();
    for (int a : sideA) {
      for (int b : sideB) {
        across.add(new Link(a, b));
        across.add(new Link(b, a));
      }
    }
    setMode(across, Mode.BLACKHOLE);
  }

  /** Blackholes the one link {@code from}->{@code to}; connections {@code to} opens to {@code from} still work. */
  public synchronized void cut(int from, int to) {
    setMode(List.of(knownLink(from, to)), Mode.BLACKHOLE);
  }

  /** Puts every link to and from {@code node} in {@link Mode#RESET} until {@link #heal}: no connection survives. */
  public synchronized void reset(int node) {
    setMode(linksTouching(node), Mode.RESET);
  }

  /**
   * Aborts every current connection to and from {@code node} with a TCP RST, once; new connections then work as
   * the links' modes say, which this leaves unchanged.
   */
  public synchronized void resetConnections(int node) {
    linksTouching(node).forEach(link -> proxies.get(link).resetConnections());
  }

  /** Adds {@code extraLatency} to every link to and from {@code node}, in each direction of each connection. */
  public synchronized void delay(int node, Duration extraLatency) {
    setMode(linksTouching(node), Mode.delay(extraLatency));
  }

  /** Puts every link back to {@link Mode#PASS}, releasing held bytes in order. */
  public synchronized void heal() {
    setMode(proxies.keySet(), Mode.PASS);
  }

  /** The current faults, grouped by mode, e.g. {@code "blackhole 1->2,2->1; delay 50ms 3->1"}, or "no faults". */
  public synchronized String describe() {
    Map<Mode, List<Link>> faulty = new LinkedHashMap<>();
    proxies.forEach((link, proxy) -> {
      Mode mode = proxy.mode();
      if (mode.kind() != Mode.Kind.PASS) {
        faulty.computeIfAbsent(mode, m -> new ArrayList<>()).add(link);
      }
    });
    if (faulty.isEmpty()) {
      return "no faults";
    }
    return faulty.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue().stream().map(Link::toString).collect(Collectors.joining(",")))
        .collect(Collectors.joining("; "));
  }

  /** Closes every proxy, even if closing one fails; see {@link PairProxy#close}. */
  @Override
  public void close() {
    RuntimeException failure = null;
    for (PairProxy proxy : proxies.values()) {
      try {
        proxy.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void setMode(Iterable<Link> links, Mode mode) {
    links.forEach(link -> proxies.get(link).setMode(mode));
  }

  private List<Link> linksTouching(int node) {
    requireKnownNode("node", node);
    return proxies.keySet().stream().filter(link -> link.from() == node || link.to() == node).toList();
  }

  private Link knownLink(int from, int to) {
    requireKnownNode("from", from);
    requireKnownNode("to", to);
    return new Link(from, to);
  }

  private void requireKnownNode(String name, int node) {
    if (!raftPorts.containsKey(node)) {
      throw new IllegalArgumentException(name + " must be one of the nodes " + nodes() + ", got " + node);
    }
  }

  private void requireSide(String name, Set<Integer> side) {
    if (Objects.requireNonNull(side, name).isEmpty()) {
      throw new IllegalArgumentException(name + " must name at least one node");
    }
    side.forEach(node -> requireKnownNode(name + " member", node));
  }

  /** This machine's host name, if it resolves here; see {@link HostsFile} for why node JVMs need it. */
  private static Optional<String> machineName() {
    try {
      return Optional.of(InetAddress.getLocalHost().getHostName());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
