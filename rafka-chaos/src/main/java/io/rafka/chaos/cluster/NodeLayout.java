package io.rafka.chaos.cluster;

import java.nio.file.Path;

/**
 * Where one node of a chaos cluster lives and listens. Raft traffic between nodes goes to the advertised host
 * name {@code rafka-node-N}, which each node's own hosts file maps to the proxy for that ordered pair; clients
 * reach the node's API directly, as in Jepsen.
 *
 * @param nodeId the node id, from 1
 * @param host the address the node listens on (API and Raft): 127.0.0.1, or its namespace's address
 * @param apiPort the client API port
 * @param peerPort the Raft port: the node binds {@code host} on it, the pair proxies bind their own addresses on it
 * @param dir the node's directory: config, data, log, hosts file
 */
public record NodeLayout(int nodeId, String host, int apiPort, int peerPort, Path dir) {
  public String hostName() {
    return "rafka-node-" + nodeId;
  }

  public String apiAddress() {
    return host + ":" + apiPort;
  }

  /** Where the node binds for Raft traffic. */
  public String peerAddress() {
    return host + ":" + peerPort;
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
