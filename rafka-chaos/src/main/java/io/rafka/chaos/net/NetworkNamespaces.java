package io.rafka.chaos.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Linux network namespace per node, joined by a bridge in the harness's namespace, and real network
 * partitions made of iptables DROP rules inside the nodes' namespaces: packets vanish in the kernel, so TCP
 * retransmits and times out as it does when a switch fails. Needs root, {@code ip} (iproute2) and
 * {@code iptables}; {@link #unavailableReason()} says whether this machine has them.
 *
 * <p>Every name carries the harness's pid ({@code rafka-chaos-<pid>-n<node>}, bridge {@code rfk<pid>}), so two
 * runs never meet, {@link #close()} removes everything this run created by name, and {@link #removeStale()} removes
 * what a run that died without closing left behind. Traffic between nodes still goes through the pair proxies
 * ({@link AddressPlan}), which therefore work in both layouts; clients reach every node from the bridge.
 *
 * <p>Not thread-safe: the nemesis thread alone changes rules.
 */
public final class NetworkNamespaces implements AutoCloseable {
  private static final String NAMESPACE_PREFIX = "rafka-chaos-";
  private static final Pattern NAMESPACE = Pattern.compile("^rafka-chaos-(\\d+)-n\\d+\\b");
  private static final Pattern BRIDGE = Pattern.compile("^\\d+: rfk(\\d+)[:@]");
  private static final long COMMAND_TIMEOUT_SECONDS = 30;

  private final long owner;
  private final AddressPlan plan;
  private final SortedSet<Integer> nodes;
  /** Pairs whose traffic is dropped now, each as {@code from->to} once for each direction. */
  private final Set<Link> cut = new LinkedHashSet<>();

  private NetworkNamespaces(long owner, AddressPlan plan, SortedSet<Integer> nodes) {
    this.owner = owner;
    this.plan = plan;
    this.nodes = nodes;
  }

  /** Why namespaces cannot be used here, or empty when they can (root, ip and iptables that work). */
  public static Optional<String> unavailableReason() {
    if (!"Linux".equals(System.getProperty("os.name"))) {
      return Optional.of("not Linux");
    }
    String probe = NAMESPACE_PREFIX + ProcessHandle.current().pid() + "-probe";
    try {
      run(List.of("ip", "netns", "add", probe));
      try {
        run(List.of("ip", "netns", "exec", probe, "iptables", "-S"));
      } finally {
        run(List.of("ip", "netns", "delete", probe));
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * A subnet {@code s} for {@link AddressPlan#namespaces} that no route of this machine overlaps, chosen from the
   * pid so that concurrent runs usually differ.
   */
  public static AddressPlan freePlan() throws IOException {
    String routes = run(List.of("ip", "-4", "route", "show", "table", "all"));
    long pid = ProcessHandle.current().pid();
    for (int i = 0; i < 100; i++) {
      int subnet = 100 + (int) ((pid + i) % 100);
      if (!routes.contains("10." + subnet + ".")) {
        return AddressPlan.namespaces(subnet);
      }
    }
    throw new IOException("every subnet 10.100-199.0.0/16 is routed already: " + routes);
  }

  /**
   * Creates a namespace per node ({@code 10.s.0.n}, loopback up), the bridge ({@code 10.s.0.254}) with the
   * proxies' addresses, and a veth pair from each namespace to the bridge. Undoes what it did if a step fails.
   */
  public static NetworkNamespaces create(AddressPlan plan, Set<Integer> nodes) throws IOException {
    if (plan.onLoopback()) {
      throw new IllegalArgumentException("namespaces need a 10.s address plan, got " + plan.network());
    }
    removeStale();
    SortedSet<Integer> ids = new TreeSet<>(nodes);
    ids.forEach(n -> Link.requireNode("node", n));
    NetworkNamespaces created = new NetworkNamespaces(ProcessHandle.current().pid(), plan, ids);
    try {
      created.build();
    } catch (IOException | RuntimeException e) {
      created.close();
      throw e;
    }
    return created;
  }

  public AddressPlan plan() {
    return plan;
  }

  /** The namespace node {@code node} runs in. */
  public String namespace(int node) {
    requireKnown(node);
    return NAMESPACE_PREFIX + owner + "-n" + node;
  }

  /** The command prefix that runs a program inside node {@code node}'s namespace (it execs: the pid stays). */
  public List<String> launcher(int node) {
    return List.of("ip", "netns", "exec", namespace(node));
  }

  /**
   * Drops every packet between {@code sideA} and {@code sideB}, both ways, inside both sides' namespaces; links
   * within a side and every client's traffic are untouched. Faults add up until {@link #heal()}.
   */
  public void partition(Set<Integer> sideA, Set<Integer> sideB) throws IOException {
    for (int a : sideA) {
      for (int b : sideB) {
        requireKnown(a);
        requireKnown(b);
        if (a == b) {
          throw new IllegalArgumentException("sideA and sideB must be disjoint, both hold " + a);
        }
      }
    }
    for (int a : sideA) {
      for (int b : sideB) {
        drop(a, b);
        drop(b, a);
      }
    }
  }

  /**
   * Packets the current rules have dropped, summed over every namespace: proof that a partition took effect
   * (Raft heartbeats cross every link several times a second).
   */
  public long droppedPackets() throws IOException {
    long dropped = 0;
    for (int n : nodes) {
      String listing = run(List.of("ip", "netns", "exec", namespace(n), "iptables", "-n", "-v", "-x", "-L"));
      for (String line : listing.split("\n")) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length > 2 && fields[2].equals("DROP") && fields[0].chars().allMatch(Character::isDigit)) {
          dropped += Long.parseLong(fields[0]);
        }
      }
    }
    return dropped;
  }

  /** Removes every rule: the network is whole again (connections that timed out stay closed, as after a real cut). */
  public void heal() throws IOException {
    for (int n : nodes) {
      run(List.of("ip", "netns", "exec", namespace(n), "iptables", "-F"));
    }
    cut.clear();
  }

  /** The current cuts, e.g. {@code "iptables drop 1->2,2->1"}, or "no faults". */
  public String describe() {
    if (cut.isEmpty()) {
      return "no faults";
    }
    return "iptables drop " + cut.stream().map(Link::toString).reduce((x, y) -> x + "," + y).orElseThrow();
  }

  /** Deletes this run's namespaces (their veth ends and rules go with them) and its bridge. */
  @Override
  public void close() {
    removeOwnedBy(owner);
  }

  /** Removes namespaces and bridges of runs whose harness process is gone. */
  public static void removeStale() throws IOException {
    Set<Long> owners = new TreeSet<>();
    collectOwners(run(List.of("ip", "netns", "list")), NAMESPACE, owners);
    collectOwners(run(List.of("ip", "-o", "link", "show", "type", "bridge")), BRIDGE, owners);
    for (long dead : owners) {
      if (ProcessHandle.of(dead).map(ProcessHandle::isAlive).orElse(false)) {
        continue;
      }
      System.out.println("chaos: removing network namespaces left by run " + dead);
      removeOwnedBy(dead);
    }
  }

  /** Inside {@code at}'s namespace: drop what {@code at} sends to {@code peer} and what arrives from it. */
  private void drop(int at, int peer) throws IOException {
    String out = plan.link(new Link(at, peer)).getHostAddress(); // at's proxy to peer
    String in = plan.link(new Link(peer, at)).getHostAddress(); // the source of peer's traffic to at
    run(List.of("ip", "netns", "exec", namespace(at), "iptables", "-A", "OUTPUT", "-d", out, "-j", "DROP"));
    run(List.of("ip", "netns", "exec", namespace(at), "iptables", "-A", "INPUT", "-s", in, "-j", "DROP"));
    cut.add(new Link(at, peer));
  }

  private void build() throws IOException {
    String bridge = bridgeName(owner);
    String prefix = "/16";
    run(List.of("ip", "link", "add", bridge, "type", "bridge"));
    run(List.of("ip", "addr", "add", plan.harness().getHostAddress() + prefix, "dev", bridge));
    for (int from : nodes) {
      for (int to : nodes) {
        if (from != to) {
          run(List.of("ip", "addr", "add", plan.link(new Link(from, to)).getHostAddress() + "/32", "dev", bridge));
        }
      }
    }
    run(List.of("ip", "link", "set", bridge, "up"));
    for (int n : nodes) {
      String ns = namespace(n);
      String host = "rfk" + owner + "h" + n;
      String inside = "rfk" + owner + "p" + n;
      run(List.of("ip", "netns", "add", ns));
      run(List.of("ip", "link", "add", host, "type", "veth", "peer", "name", inside));
      run(List.of("ip", "link", "set", inside, "netns", ns));
      run(List.of("ip", "link", "set", host, "master", bridge));
      run(List.of("ip", "link", "set", host, "up"));
      run(List.of("ip", "-n", ns, "link", "set", "lo", "up"));
      run(List.of("ip", "-n", ns, "addr", "add", plan.node(n).getHostAddress() + prefix, "dev", inside));
      run(List.of("ip", "-n", ns, "link", "set", inside, "up"));
    }
  }

  private static String bridgeName(long owner) {
    return "rfk" + owner; // IFNAMSIZ: at most 15 characters; a pid has at most 7 digits
  }

  private static void removeOwnedBy(long owner) {
    List<String> failures = new ArrayList<>();
    try {
      for (String line : run(List.of("ip", "netns", "list")).split("\n")) {
        Matcher m = NAMESPACE.matcher(line);
        if (m.find() && Long.parseLong(m.group(1)) == owner) {
          String ns = line.split(" ")[0];
          tryRun(List.of("ip", "netns", "delete", ns), failures);
        }
      }
      if (run(List.of("ip", "-o", "link", "show", "type", "bridge")).contains(": " + bridgeName(owner) + ":")) {
        tryRun(List.of("ip", "link", "delete", bridgeName(owner)), failures);
      }
    } catch (IOException e) {
      failures.add(e.getMessage());
    }
    if (!failures.isEmpty()) {
      System.out.println("chaos: could not remove every namespace of run " + owner + ": " + failures);
    }
  }

  private static void collectOwners(String listing, Pattern pattern, Set<Long> owners) {
    for (String line : listing.split("\n")) {
      Matcher m = pattern.matcher(line);
      if (m.find()) {
        owners.add(Long.parseLong(m.group(1)));
      }
    }
  }

  private static void tryRun(List<String> command, List<String> failures) {
    try {
      run(command);
    } catch (IOException e) {
      failures.add(e.getMessage());
    }
  }

  private void requireKnown(int node) {
    if (!nodes.contains(node)) {
      throw new IllegalArgumentException("node must be one of " + nodes + ", got " + node);
    }
  }

  /** Runs a command to its end; its output, or an IOException that quotes the command and what it printed. */
  private static String run(List<String> command) throws IOException {
    Objects.requireNonNull(command, "command");
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IOException(String.join(" ", command) + ": " + e.getMessage(), e);
    }
    try {
      // These commands print little and end by themselves: read to the end, then collect the exit code.
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", command) + ": no exit within " + COMMAND_TIMEOUT_SECONDS + " s");
      }
      if (p.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ": " + output.strip());
      }
      return output;
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException(String.join(" ", command) + ": interrupted", e);
    }
  }
}
