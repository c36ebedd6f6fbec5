package io.rafka.server.it;

import io.rafka.server.RafkaServer;
import io.rafka.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Rafka nodes running inside the test JVM, each a full server (its own RaftServer, gRPC API and data dir
 * on loopback), for tests that need to reach into a node (its cache, its Raft log). Stop and restart are
 * clean shutdowns; use {@link ProcessCluster} for abrupt kills. Not thread-safe.
 */
final class InProcessCluster implements AutoCloseable {
  private final List<NodeSpec> specs = new ArrayList<>();
  private final Map<String, String> overrides;
  private final RafkaServer[] servers;
  private final int voters;

  InProcessCluster(int nodes, int voters, Path baseDir, Map<String, String> overrides) {
    this.overrides = overrides;
    this.voters = voters;
    for (int i = 1; i <= nodes; i++) {
      specs.add(new NodeSpec(i, Ports.free(), Ports.free(), baseDir.resolve("node-" + i)));
    }
    this.servers = new RafkaServer[nodes];
  }

  /** A cluster whose every node votes in the metadata group. */
  static InProcessCluster start(int nodes, Path baseDir, Map<String, String> overrides) throws Exception {
    return start(nodes, nodes, baseDir, overrides);
  }

  /** A cluster where the first {@code voters} nodes vote in the metadata group and the rest join as listeners. */
  static InProcessCluster start(int nodes, int voters, Path baseDir, Map<String, String> overrides)
      throws Exception {
    InProcessCluster c = new InProcessCluster(nodes, voters, baseDir, overrides);
    try {
      for (int i = 1; i <= nodes; i++) {
        c.startNode(i);
      }
      for (int i = 1; i <= nodes; i++) {
        c.node(i).registered().get(60, TimeUnit.SECONDS);
      }
      c.awaitMembers(nodes, Duration.ofSeconds(60));
    } catch (Exception e) {
      c.close();
      throw e;
    }
    return c;
  }

  void startNode(int nodeId) throws IOException {
    NodeSpec spec = specs.get(nodeId - 1);
    Files.createDirectories(spec.dataDir());
    servers[nodeId - 1] = RafkaServer.start(ServerConfig.from(spec.properties(specs.subList(0, voters),
        specs.size(), overrides)));
  }

  void stopNode(int nodeId) {
    RafkaServer s = servers[nodeId - 1];
    if (s != null) {
      s.close();
      servers[nodeId - 1] = null;
    }
  }

  RafkaServer node(int nodeId) {
    RafkaServer s = servers[nodeId - 1];
    if (s == null) {
      throw new IllegalStateException("node " + nodeId + " is stopped");
    }
    return s;
  }

  String bootstrap() {
    return String.join(",", specs.stream().map(NodeSpec::apiAddress).toList());
  }

  String apiAddress(int nodeId) {
    return specs.get(nodeId - 1).apiAddress();
  }

  Map<String, Object> clientProps() {
    Map<String, Object> p = new HashMap<>();
    p.put("bootstrap.servers", bootstrap());
    return p;
  }

  /** Waits until every running node's metadata lists {@code count} members. */
  void awaitMembers(int count, Duration timeout) {
    for (RafkaServer s : servers) {
      if (s != null) {
        Await.until("node " + s.config().nodeId() + " to see " + count + " members", timeout,
            () -> s.raft().metadataImage().nodes().size() >= count);
      }
    }
  }

  @Override
  public void close() {
    for (int i = servers.length; i >= 1; i--) {
      try {
        stopNode(i);
      } catch (RuntimeException e) {
        // keep closing the others
      }
    }
  }

  static Path tempDir(String name) {
    try {
      return Files.createTempDirectory("rafka-it-" + name + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
