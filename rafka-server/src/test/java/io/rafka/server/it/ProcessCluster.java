package io.rafka.server.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Rafka nodes as real separate JVMs on loopback, each with its own config file, data dir and log file,
 * which the test can kill abruptly (SIGKILL) and restart on the same data dir. Every process it starts is
 * stopped by {@link #close()}. Not thread-safe.
 */
final class ProcessCluster implements AutoCloseable {
  private final List<NodeSpec> specs = new ArrayList<>();
  private final Map<String, String> overrides;
  private final Path baseDir;
  private final Process[] processes;
  private final int voters;

  ProcessCluster(int nodes, Path baseDir, Map<String, String> overrides) {
    this(nodes, nodes, baseDir, overrides);
  }

  /** {@code nodes} nodes of which the first {@code voters} vote in the metadata group; the rest are listeners. */
  ProcessCluster(int nodes, int voters, Path baseDir, Map<String, String> overrides) {
    this.baseDir = baseDir;
    this.overrides = overrides;
    this.voters = voters;
    for (int i = 1; i <= nodes; i++) {
      specs.add(new NodeSpec(i, Ports.free(), Ports.free(), baseDir.resolve("node-" + i)));
    }
    this.processes = new Process[nodes];
  }

  void start(int nodeId) throws IOException {
    start(nodeId, Map.of());
  }

  /** Starts a node with extra properties on top of the cluster's. */
  void start(int nodeId, Map<String, String> extra) throws IOException {
    NodeSpec spec = specs.get(nodeId - 1);
    Files.createDirectories(spec.dataDir());
    Path config = baseDir.resolve("node-" + nodeId + ".properties");
    Map<String, String> all = new java.util.LinkedHashMap<>(overrides);
    all.putAll(extra);
    try (Writer w = Files.newBufferedWriter(config)) {
      for (Map.Entry<String, String> e : spec.properties(specs.subList(0, voters), specs.size(), all).entrySet()) {
        w.write(e.getKey() + "=" + e.getValue() + "\n");
      }
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx384m", "-XX:MaxDirectMemorySize=256m",
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        "io.rafka.server.RafkaServerMain", config.toString());
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(nodeId).toFile()));
    processes[nodeId - 1] = pb.start();
  }

  /** SIGKILL: the node gets no chance to flush or snapshot. */
  void kill(int nodeId) throws InterruptedException {
    Process p = processes[nodeId - 1];
    if (p != null) {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
      processes[nodeId - 1] = null;
    }
  }

  /** SIGTERM, and waits for a clean exit. */
  void stop(int nodeId) throws InterruptedException {
    Process p = processes[nodeId - 1];
    if (p != null) {
      p.destroy();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("node " + nodeId + " did not exit within 60 s of SIGTERM");
      }
      processes[nodeId - 1] = null;
    }
  }

  boolean alive(int nodeId) {
    Process p = processes[nodeId - 1];
    return p != null && p.isAlive();
  }

  Path logFile(int nodeId) {
    return baseDir.resolve("node-" + nodeId + ".log");
  }

  String apiAddress(int nodeId) {
    return specs.get(nodeId - 1).apiAddress();
  }

  String bootstrap() {
    return String.join(",", specs.stream().map(NodeSpec::apiAddress).toList());
  }

  int size() {
    return specs.size();
  }

  Map<String, Object> clientProps() {
    Map<String, Object> p = new HashMap<>();
    p.put("bootstrap.servers", bootstrap());
    return p;
  }

  /** Copies every node's log and a thread dump of every live node under target/it-logs/{@code name}. */
  void keepLogs(String name) {
    keepLogs(name, true);
  }

  /** Copies every node's log (and thread dumps) under target/it-logs/{@code name}, to read a run in full. */
  void keepLogs(String name, boolean threadDumps) {
    Path dest = Path.of("target", "it-logs", name);
    try {
      Files.createDirectories(dest);
      for (int i = 1; i <= specs.size(); i++) {
        if (Files.exists(logFile(i))) {
          Files.copy(logFile(i), dest.resolve("node-" + i + ".log"),
              java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
      for (int i = 1; i <= specs.size(); i++) {
        Process p = processes[i - 1];
        if (threadDumps && p != null && p.isAlive()) {
          String jstack = Path.of(System.getProperty("java.home"), "bin", "jstack").toString();
          new ProcessBuilder(jstack, Long.toString(p.pid())).redirectErrorStream(true)
              .redirectOutput(dest.resolve("node-" + i + ".threads").toFile()).start().waitFor(30, TimeUnit.SECONDS);
        }
      }
      System.err.println("node logs and thread dumps kept in " + dest.toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The last lines of every node's log, for a failure report. */
  String tails(int lines) {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= specs.size(); i++) {
      b.append("\n===== node ").append(i).append(" (").append(logFile(i)).append(") =====\n");
      try {
        List<String> all = Files.exists(logFile(i)) ? Files.readAllLines(logFile(i)) : List.of();
        all.subList(Math.max(0, all.size() - lines), all.size()).forEach(l -> b.append(l).append('\n'));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return b.toString();
  }

  @Override
  public void close() throws InterruptedException {
    for (int i = 1; i <= processes.length; i++) {
      kill(i);
    }
  }
}
