package io.rafka.chaos.cluster;

import java.nio.file.Path;

/**
 * Where one node of a chaos cluster lives and listens. Raft traffic between nodes goes to the advertised host
 * name {@code rafka-node-N}, which each node's own hosts file maps to the proxy for that ordered pair; clients
 * reach the node's API directly, as in Jepsen.
 *
 * @param nodeId the node id, from 1
 * @param apiPort the client API port on 127.0.0.1
 * @param peerPort the Raft port: the node binds 127.0.0.1 on it, pair proxies bind 127.0.X.N on it
 * @param dir the node's directory: config, data, log, hosts file
 */
public record NodeLayout(int nodeId, int apiPort, int peerPort, Path dir) {
  public String hostName() {
    return "rafka-node-" + nodeId;
  }

  public String apiAddress() {
    return "127.0.0.1:" + apiPort;
  }

  public String advertisedPeerAddress() {
    return hostName() + ":" + peerPort;
  }

  public Path configFile() {
    return dir.resolve("node-" + nodeId + ".properties");
  }

  public Path dataDir() {
    return dir.resolve("data");
  }

  public Path logFile() {
    return dir.resolve("logs").resolve("node-" + nodeId + ".out");
  }

  /** Where bin/rafka-server.sh keeps its own log and pid file for this node (RAFKA_LOG_DIR). */
  public Path scriptLogDir() {
    return dir.resolve("logs");
  }

  public Path hostsFile() {
    return dir.resolve("hosts");
  }
}
