package io.rafka.server.it;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One test node's identity, ports and data dir, and the server properties that follow from them. */
record NodeSpec(int nodeId, int apiPort, int peerPort, Path dataDir) {
  String apiAddress() {
    return "127.0.0.1:" + apiPort;
  }

  String peerAddress() {
    return "127.0.0.1:" + peerPort;
  }

  Map<String, String> properties(List<NodeSpec> voters, int clusterSize, Map<String, String> overrides) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("node.id", Integer.toString(nodeId));
    p.put("api.address", apiAddress());
    p.put("peer.address", peerAddress());
    p.put("data.dir", dataDir.toString());
    p.put("metadata.voters", voters.stream().map(v -> v.nodeId + "@" + v.peerAddress())
        .collect(Collectors.joining(",")));
    p.put("default.replication.factor", Integer.toString(Math.min(3, clusterSize)));
    p.put("metrics.jmx.enabled", "false");
    p.put("http.address", "127.0.0.1:0");
    p.put("cache.max.bytes", "64mb");
    p.putAll(overrides);
    return p;
  }
}
