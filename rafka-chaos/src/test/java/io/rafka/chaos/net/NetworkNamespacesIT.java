package io.rafka.chaos.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real namespaces, bridge, proxies and iptables (root only; skipped elsewhere, saying why): node 2's echo server
 * runs inside its namespace, node 1's client inside its own, and the client reaches node 2 through the proxy of
 * link 1->2 until a firewall partition cuts them apart — while the harness still reaches node 2 directly.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class NetworkNamespacesIT {
  private static final int PORT = 7311;

  @Test
  void firewallPartitionCutsNodesApartButNotClients() throws Exception {
    Optional<String> unavailable = NetworkNamespaces.unavailableReason();
    assumeTrue(unavailable.isEmpty(), () -> "network namespaces unavailable here: " + unavailable.orElse(""));
    AddressPlan plan = NetworkNamespaces.freePlan();
    Process echo = null;
    String namespace1;
    try (NetworkNamespaces namespaces = NetworkNamespaces.create(plan, Set.of(1, 2));
         ProxyMesh mesh = ProxyMesh.start(Map.of(1, PORT, 2, PORT), plan)) {
      namespace1 = namespaces.namespace(1);
      echo = startEcho(namespaces, plan.node(2).getHostAddress());
      String viaProxy = mesh.pairAddress(1, 2).getAddress().getHostAddress();

      assertEquals("ping", exchangeFrom(namespaces, 1, viaProxy), "node 1 reaches node 2 through its proxy");
      assertEquals("ping", exchangeFromHarness(plan.node(2).getHostAddress()), "the harness reaches node 2");

      namespaces.partition(Set.of(1), Set.of(2));
      assertEquals("", exchangeFrom(namespaces, 1, viaProxy), "node 1 must not reach node 2 across the cut");
      assertTrue(namespaces.droppedPackets() > 0, "the rules dropped the SYNs: " + namespaces.describe());
      assertEquals("ping", exchangeFromHarness(plan.node(2).getHostAddress()), "clients still reach node 2");

      namespaces.heal();
      assertEquals("no faults", namespaces.describe());
      assertEquals("ping", exchangeFrom(namespaces, 1, viaProxy), "healed: node 1 reaches node 2 again");
    } finally {
      if (echo != null) {
        echo.getOutputStream().close();
        echo.waitFor(10, TimeUnit.SECONDS);
        echo.destroyForcibly();
      }
    }
    String left = new String(new ProcessBuilder("ip", "netns", "list").start().getInputStream().readAllBytes(),
        StandardCharsets.UTF_8);
    assertFalse(left.contains(namespace1), "close() removes the namespaces by name: " + left);
  }

  /** The echo server inside node 2's namespace; returns once it listens. */
  private static Process startEcho(NetworkNamespaces namespaces, String host) throws IOException,
      URISyntaxException {
    Path source = Path.of(NetworkNamespacesIT.class.getResource("/namespaces/LineEcho.java").toURI());
    List<String> command = new ArrayList<>(namespaces.launcher(2));
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        source.toString(), host, Integer.toString(PORT)));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    assertEquals("listening", out.readLine(), "the echo server must start inside the namespace");
    return p;
  }

  /** Sends "ping" from inside node {@code node}'s namespace; the reply, or "" when none comes within 3 s. */
  private static String exchangeFrom(NetworkNamespaces namespaces, int node, String host) throws Exception {
    List<String> command = new ArrayList<>(namespaces.launcher(node));
    command.addAll(List.of("timeout", "3", "bash", "-c",
        "exec 3<>/dev/tcp/" + host + "/" + PORT + " && echo ping >&3 && read -r reply <&3 && echo \"$reply\""));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    p.waitFor();
    return p.exitValue() == 0 ? output : "";
  }

  private static String exchangeFromHarness(String host) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, PORT), 3000);
      s.setSoTimeout(3000);
      new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8).println("ping");
      return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }
  }
}
