package io.rafka.chaos.cluster;

import io.rafka.chaos.net.AddressPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Lays out the nodes of a chaos cluster (ports, directories) and writes their config files. Stateless. */
final class ClusterConfigs {
  private ClusterConfigs() {}

  /**
   * Settings every chaos node gets unless the run overrides them: a shorter liveness timeout, so that a dead
   * node is reported within a CI budget. Everything else is the production default.
   */
  static final Map<String, String> DEFAULTS = Map.of(
      "default.replication.factor", "3",
      "node.heartbeat.timeout", "4s");

  /** {@code count} nodes with free ports under {@code baseDir}/node-N, at the addresses {@code plan} gives. */
  static List<NodeLayout> layouts(int count, Path baseDir, AddressPlan plan) {
    List<NodeLayout> out = new ArrayList<>();
    for (int id = 1; id <= count; id++) {
      out.add(new NodeLayout(id, plan.node(id).getHostAddress(), freePort(), freePort(),
          baseDir.resolve("node-" + id)));
    }
    return out;
  }

  /** Writes node {@code n}'s config: the first {@code voters} nodes vote in the metadata group. */
  static void write(NodeLayout n, List<NodeLayout> all, int voters, Map<String, String> overrides) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("node.id", Integer.toString(n.nodeId()));
    p.put("api.address", n.apiAddress());
    p.put("peer.address", n.peerAddress());
    p.put("http.address", n.host() + ":0");
    p.put("peer.advertised.address", n.advertisedPeerAddress());
    p.put("data.dir", n.dataDir().toString());
    p.put("metadata.voters", all.subList(0, voters).stream()
        .map(v -> v.nodeId() + "@" + v.advertisedPeerAddress()).collect(Collectors.joining(",")));
    p.putAll(DEFAULTS);
    p.putAll(overrides);
    try {
      Files.createDirectories(n.dir());
      Files.writeString(n.configFile(), p.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue() + "\n")
          .collect(Collectors.joining()));
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + n.configFile(), e);
    }
  }

  /**
   * A port free on 127.0.0.1 now. The pair proxies later bind the same port on other addresses, which does not
   * conflict with the node's own bind; a node in a namespace of its own has every port to itself anyway.
   */
  private static int freePort() {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(false);
      s.bind(new InetSocketAddress("127.0.0.1", 0));
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }
}
