package io.rafka.chaos.cluster;

import io.rafka.chaos.net.AddressPlan;
import io.rafka.chaos.net.NetworkNamespaces;
import io.rafka.chaos.net.ProxyMesh;
import io.rafka.client.admin.PartitionGroupDescription;
import io.rafka.client.admin.RafkaAdmin;
import io.rafka.common.TopicPartition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

/**
 * A Rafka cluster of separate node processes started with the project's own {@code bin/rafka-server.sh}, with
 * a proxy between every ordered pair of nodes for network faults. It knows every node's pid, signals nodes,
 * and asks the cluster (through the admin API) who leads what. Every process it starts is stopped by
 * {@link #close()}. Methods are synchronized: the nemesis and the checks call them from different threads.
 */
public final class ChaosCluster implements AutoCloseable {
  /** A replica this many Raft entries or fewer behind its leader counts as caught up (the server uses 64 too). */
  static final long CAUGHT_UP_SLACK = 64;

  private final List<ChaosNode> nodes = new ArrayList<>();
  private final ProxyMesh mesh;
  private final Optional<NetworkNamespaces> namespaces;
  private final RafkaAdmin admin;
  private final int voters;
  private boolean closed; // guarded by this

  private ChaosCluster(List<ChaosNode> nodes, ProxyMesh mesh, Optional<NetworkNamespaces> namespaces, int voters) {
    this.nodes.addAll(nodes);
    this.mesh = mesh;
    this.namespaces = namespaces;
    this.voters = voters;
    Map<String, Object> props = new LinkedHashMap<>(clientProps());
    props.put("request.timeout.ms", "5000");
    this.admin = RafkaAdmin.create(props);
  }

  /**
   * Lays out {@code count} nodes under {@code baseDir} (the first {@code voters} vote in the metadata group),
   * creates a network namespace per node when asked, starts the pair proxies and writes configs and hosts files;
   * no node runs yet.
   *
   * @param repoRoot the Rafka checkout whose {@code bin/rafka-server.sh} runs the nodes (built already)
   * @param inNamespaces run each node in a network namespace of its own (root only; see {@link NetworkNamespaces})
   */
  public static ChaosCluster create(Path repoRoot, Path baseDir, int count, int voters,
      Map<String, String> overrides, boolean inNamespaces) throws IOException {
    AddressPlan plan = inNamespaces ? NetworkNamespaces.freePlan() : AddressPlan.loopback();
    List<NodeLayout> layouts = ClusterConfigs.layouts(count, baseDir, plan);
    Map<Integer, Integer> peerPorts = new LinkedHashMap<>();
    layouts.forEach(l -> peerPorts.put(l.nodeId(), l.peerPort()));
    Optional<NetworkNamespaces> namespaces = inNamespaces
        ? Optional.of(NetworkNamespaces.create(plan, peerPorts.keySet())) : Optional.empty();
    ProxyMesh mesh;
    try {
      mesh = ProxyMesh.start(peerPorts, plan);
    } catch (IOException | RuntimeException e) {
      namespaces.ifPresent(NetworkNamespaces::close);
      throw e;
    }
    Path logback = baseDir.resolve("node-logback.xml");
    try (var in = ChaosCluster.class.getResourceAsStream("/chaos-node-logback.xml")) {
      Files.createDirectories(baseDir);
      Files.copy(in, logback, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    List<ChaosNode> nodes = new ArrayList<>();
    for (NodeLayout l : layouts) {
      ClusterConfigs.write(l, layouts, voters, overrides);
      Path hosts = mesh.hostsFile(l.nodeId(), l.dir());
      Map<String, String> env = Map.of(
          "RAFKA_LOG_DIR", l.scriptLogDir().toString(),
          "RAFKA_HEAP_OPTS", "-Xmx320m -XX:MaxDirectMemorySize=256m",
          // Later -D settings win: this logging replaces conf/logback.xml's for chaos nodes.
          "RAFKA_JVM_OPTS", "-Djdk.net.hosts.file=" + hosts + " -Dlogback.configurationFile=" + logback
              + " -XX:TieredStopAtLevel=1"
              + " -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=" + l.dir());
      List<String> launcher = namespaces.map(ns -> ns.launcher(l.nodeId())).orElse(List.of());
      nodes.add(new ChaosNode(l, repoRoot, env, launcher));
    }
    return new ChaosCluster(nodes, mesh, namespaces, voters);
  }

  public synchronized List<ChaosNode> nodes() {
    return List.copyOf(nodes);
  }

  public synchronized ChaosNode node(int id) {
    return nodes.stream().filter(n -> n.id() == id).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no node " + id));
  }

  public ProxyMesh network() {
    return mesh;
  }

  /** The nodes' network namespaces, when they run in their own: partitions made of firewall rules. */
  public Optional<NetworkNamespaces> namespaces() {
    return namespaces;
  }

  public int voters() {
    return voters;
  }

  public RafkaAdmin admin() {
    return admin;
  }

  /** Client settings reaching every node's API directly. */
  public synchronized Map<String, Object> clientProps() {
    return Map.of("bootstrap.servers", nodes.stream().map(n -> n.layout().apiAddress())
        .collect(Collectors.joining(",")));
  }

  /** Starts nodes 1..count (the rest stay spares) and waits until each is serving. */
  public synchronized void startFirst(int count, Duration timeout) throws IOException, InterruptedException {
    List<ChaosNode> first = nodes.subList(0, count);
    for (ChaosNode n : first) {
      n.start();
    }
    awaitAllReady(first, timeout);
  }

  /** Waits until every one of these (started) nodes serves. */
  public void awaitAllReady(List<ChaosNode> started, Duration timeout) throws IOException, InterruptedException {
    for (ChaosNode n : started) {
      awaitReady(n, timeout);
    }
  }

  /** Starts one node (on its existing data dir) and waits until it serves. */
  public synchronized void start(int id, Duration timeout) throws IOException, InterruptedException {
    ChaosNode n = node(id);
    n.start();
    awaitReady(n, timeout);
  }

  /**
   * Waits until the node has registered in metadata in its current run: the line bin/rafka-server.sh also
   * waits for, counted from the log's length when the node started.
   */
  private static void awaitReady(ChaosNode n, Duration timeout) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String marker = n.readyMarker();
    while (true) {
      if (!n.running()) {
        throw new IllegalStateException("node " + n.id() + " exited while starting (code " + n.exitCode()
            + "); see " + n.layout().logFile());
      }
      if (countLines(n.layout().logFile(), marker) > n.readyLinesBeforeStart()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("node " + n.id() + " not ready after " + timeout.toSeconds() + " s; see "
            + n.layout().logFile());
      }
      TimeUnit.MILLISECONDS.sleep(100); // polling a log file: there is nothing to wait on
    }
  }

  static long countLines(Path log, String marker) throws IOException {
    if (!Files.exists(log)) {
      return 0;
    }
    try (var lines = Files.lines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
      return lines.filter(l -> l.contains(marker)).count();
    }
  }

  /** The partition's Raft group as the cluster reports it now, or empty if no node can answer in time. */
  public Optional<PartitionGroupDescription> describe(TopicPartition tp) {
    try {
      return Optional.of(admin.describePartitionGroup(tp).get(10, TimeUnit.SECONDS));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /** The node leading the partition now, or -1 if there is none (or nobody can tell). */
  public int leaderOf(TopicPartition tp) {
    return describe(tp).map(PartitionGroupDescription::leader).orElse(-1);
  }

  /**
   * Waits until every partition has a leader, every replica in its replica set is caught up (within
   * {@link #CAUGHT_UP_SLACK} entries of the leader), and it takes a write ({@code probe} writes one record and
   * says whether it was acknowledged); returns how long that took. Caught-up replicas are what an operator waits
   * for between two rolling restarts (Kafka: no under-replicated partitions): without them, the next fault would
   * meet a partition whose only other live replica is still catching up, and measure that instead.
   *
   * @throws IllegalStateException if the cluster is not healthy within {@code timeout}
   */
  public Duration awaitHealthy(List<TopicPartition> partitions, IntPredicate probe, Duration timeout)
      throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    Map<TopicPartition, String> pending = new LinkedHashMap<>();
    partitions.forEach(tp -> pending.put(tp, "not checked yet"));
    while (!pending.isEmpty()) {
      for (TopicPartition tp : List.copyOf(pending.keySet())) {
        Optional<String> problem = replicationProblem(tp);
        if (problem.isEmpty() && !probe.test(tp.partition())) {
          problem = Optional.of("refuses writes");
        }
        if (problem.isEmpty()) {
          pending.remove(tp);
        } else {
          pending.put(tp, problem.get());
        }
      }
      if (pending.isEmpty()) {
        break;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not healthy after " + timeout.toSeconds() + " s: " + pending);
      }
      TimeUnit.MILLISECONDS.sleep(200); // between rounds of real checks, not instead of them
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** What keeps the partition from being fully replicated now (no leader, a replica behind), if anything. */
  private Optional<String> replicationProblem(TopicPartition tp) {
    Optional<PartitionGroupDescription> d = describe(tp);
    if (d.isEmpty()) {
      return Optional.of("no answer from the admin API");
    }
    if (d.get().leader() < 0) {
      return Optional.of("no leader");
    }
    for (int replica : d.get().replicas()) {
      Optional<PartitionGroupDescription.ReplicaStatus> status = d.get().replicaStatuses().stream()
          .filter(r -> r.nodeId() == replica).findFirst();
      long lag = status.map(PartitionGroupDescription.ReplicaStatus::lag).orElse(-1L);
      if (lag < 0 || lag > CAUGHT_UP_SLACK) {
        return Optional.of("replica " + replica + " behind (lag " + lag + ", "
            + status.map(PartitionGroupDescription.ReplicaStatus::role).orElse("no status") + ")");
      }
    }
    return Optional.empty();
  }

  /**
   * Stops every node (SIGTERM, then SIGKILL for stragglers), the proxies, the namespaces and the admin client.
   * Idempotent: the run's shutdown hook may call it again.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    admin.close();
    List<String> problems = new ArrayList<>();
    for (ChaosNode n : nodes) {
      try {
        n.terminate();
      } catch (IllegalStateException e) {
        problems.add(e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        try {
          n.kill();
        } catch (InterruptedException ignored) {
          Thread.currentThread().interrupt();
        }
      }
    }
    mesh.close();
    namespaces.ifPresent(NetworkNamespaces::close);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(String.join("; ", problems));
    }
  }

  /**
   * For a JVM shutdown hook: SIGKILLs every node and removes the proxies and namespaces at once, without the
   * lock that {@link #close} takes (a start holds it while it waits, up to minutes, for a node).
   */
  public void killAllNow() {
    for (ChaosNode n : nodes) { // the list never changes after construction
      try {
        n.kill();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        System.out.println("chaos: could not kill node " + n.id() + ": " + e);
      }
    }
    try {
      mesh.close();
    } catch (RuntimeException e) {
      System.out.println("chaos: closing the proxies: " + e);
    }
    namespaces.ifPresent(NetworkNamespaces::close);
  }

  /** Node directories (configs, data, logs), for a failed run's report. */
  public Path baseDir() {
    return nodes.get(0).layout().dir().getParent();
  }
}
