package io.rafka.chaos.net;

import static io.rafka.chaos.net.Wire.assertConnectionReset;
import static io.rafka.chaos.net.Wire.assertNewConnectionReset;
import static io.rafka.chaos.net.Wire.assertNothingArrives;
import static io.rafka.chaos.net.Wire.connect;
import static io.rafka.chaos.net.Wire.readExactly;
import static io.rafka.chaos.net.Wire.roundTrip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ProxyMeshTest {
  private final Map<Integer, EchoNode> nodes = new HashMap<>();
  private ProxyMesh mesh;

  @BeforeEach
  void start() throws IOException {
    for (int node = 1; node <= 3; node++) {
      nodes.put(node, EchoNode.start());
    }
    mesh = ProxyMesh.start(List.of(nodes.get(1).port(), nodes.get(2).port(), nodes.get(3).port()));
  }

  @AfterEach
  void stop() throws Exception {
    mesh.close();
    for (EchoNode node : nodes.values()) {
      node.close();
    }
  }

  @Test
  void everyPairReachesItsTargetThroughItsOwnAddress() throws IOException {
    for (int from = 1; from <= 3; from++) {
      for (int to = 1; to <= 3; to++) {
        if (from != to) {
          assertEquals(new InetSocketAddress("127.0." + from + "." + to, nodes.get(to).port()),
              mesh.pairAddress(from, to));
          assertReaches(mesh.pairAddress(from, to), to);
        }
      }
    }
  }

  @Test
  void cutBlocksOneDirectionOnly() throws IOException {
    mesh.cut(1, 2);
    try (Socket oneToTwo = connect(mesh.pairAddress(1, 2));
        Socket twoToOne = connect(mesh.pairAddress(2, 1));
        Socket threeToTwo = connect(mesh.pairAddress(3, 2))) {
      byte[] held = "held while 1->2 is cut".getBytes(StandardCharsets.UTF_8);
      oneToTwo.getOutputStream().write(held);

      assertNothingArrives(oneToTwo);
      roundTrip(twoToOne, "2 still reaches 1");
      roundTrip(threeToTwo, "3 still reaches 2");

      mesh.heal();
      assertArrayEquals(held, readExactly(oneToTwo, held.length));
    }
  }

  @Test
  void partitionBlocksEveryLinkAcrossAndNoneWithinASide() throws IOException {
    mesh.partition(Set.of(1), Set.of(2, 3));

    assertBlocked(1, 2);
    assertBlocked(2, 1);
    assertBlocked(3, 1);
    assertReaches(mesh.pairAddress(2, 3), 3);
    assertReaches(mesh.pairAddress(3, 2), 2);
  }

  @Test
  void isolateBlocksEveryLinkToAndFromTheNode() throws IOException {
    mesh.isolate(2);

    assertBlocked(1, 2);
    assertBlocked(2, 3);
    assertReaches(mesh.pairAddress(1, 3), 3);
    assertReaches(mesh.pairAddress(3, 1), 1);
  }

  @Test
  void resetConnectionsAbortsOnlyTheNodesConnectionsAndLetsNewOnesIn() throws IOException {
    try (Socket oneToTwo = connect(mesh.pairAddress(1, 2));
        Socket oneToThree = connect(mesh.pairAddress(1, 3))) {
      roundTrip(oneToTwo, "open");
      roundTrip(oneToThree, "open");

      mesh.resetConnections(2);

      assertConnectionReset(oneToTwo);
      roundTrip(oneToThree, "untouched");
    }
    assertEquals("no faults", mesh.describe());
    assertReaches(mesh.pairAddress(1, 2), 2);
  }

  @Test
  void resetKeepsResettingUntilHeal() throws IOException {
    mesh.reset(2);
    assertNewConnectionReset(mesh.pairAddress(3, 2));
    mesh.heal();
    assertReaches(mesh.pairAddress(3, 2), 2);
  }

  @Test
  void describeNamesEveryFaultyLinkByMode() {
    assertEquals("no faults", mesh.describe());

    mesh.cut(1, 2);
    mesh.delay(3, Duration.ofMillis(50));

    assertEquals("blackhole 1->2; delay 50ms 1->3,2->3,3->1,3->2", mesh.describe());
    mesh.heal();
    assertEquals("no faults", mesh.describe());
  }

  @Test
  void hostsFileResolvesEveryPeerToThePairProxyThatReachesIt(@TempDir Path dir) throws IOException {
    Path file = mesh.hostsFile(1, dir);
    Map<String, InetAddress> resolved = parseHostsFile(file);

    assertEquals(InetAddress.getLoopbackAddress(), resolved.get("localhost"));
    assertEquals(InetAddress.getLoopbackAddress(), resolved.get(ProxyMesh.hostName(1)));
    for (int peer : List.of(2, 3)) {
      InetSocketAddress peerAddress = new InetSocketAddress(resolved.get("rafka-node-" + peer), nodes.get(peer).port());
      assertEquals(mesh.pairAddress(1, peer), peerAddress);
      assertReaches(peerAddress, peer);
    }
  }

  @Test
  void nodeIdsNeedNotBeContiguous(@TempDir Path dir) throws IOException {
    try (ProxyMesh sparse = ProxyMesh.start(Map.of(2, nodes.get(2).port(), 5, nodes.get(3).port()))) {
      assertEquals(Set.of(2, 5), sparse.nodes());
      assertEquals(InetAddress.getByName("127.0.5.2"), parseHostsFile(sparse.hostsFile(5, dir)).get("rafka-node-2"));
      assertReaches(sparse.pairAddress(2, 5), 3);
    }
  }

  @Test
  void rejectsFaultsThatNameNoLink() {
    assertThrows(IllegalArgumentException.class, () -> mesh.cut(1, 1));
    assertThrows(IllegalArgumentException.class, () -> mesh.isolate(4));
    assertThrows(IllegalArgumentException.class, () -> mesh.partition(Set.of(1, 2), Set.of(2, 3)));
    assertThrows(IllegalArgumentException.class, () -> mesh.partition(Set.of(), Set.of(2, 3)));
    assertEquals("no faults", mesh.describe());
  }

  @Test
  void closeEndsEveryProxyThread() throws IOException {
    try (Socket oneToTwo = connect(mesh.pairAddress(1, 2));
        Socket threeToOne = connect(mesh.pairAddress(3, 1))) {
      roundTrip(oneToTwo, "open");
      mesh.isolate(1);
      threeToOne.getOutputStream().write(1);

      mesh.close();

      assertEquals(List.of(), Wire.liveProxyThreads());
    }
  }

  private void assertBlocked(int from, int to) throws IOException {
    try (Socket client = connect(mesh.pairAddress(from, to))) {
      client.getOutputStream().write(1);
      assertNothingArrives(client);
    }
  }

  /** Asserts an echo comes back through {@code address} and that node {@code node} is the one that answered. */
  private void assertReaches(InetSocketAddress address, int node) throws IOException {
    int acceptedBefore = nodes.get(node).connectionsAccepted();
    try (Socket client = connect(address)) {
      roundTrip(client, "hello " + node);
    }
    assertEquals(acceptedBefore + 1, nodes.get(node).connectionsAccepted());
  }

  /** Reads the file the way the JDK's hosts-file name service does: an address, then the names it stands for. */
  private static Map<String, InetAddress> parseHostsFile(Path file) throws IOException {
    Map<String, InetAddress> byName = new HashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String entry = line.replaceFirst("#.*", "").trim();
      if (entry.isEmpty()) {
        continue;
      }
      String[] fields = entry.split("\\s+");
      for (int i = 1; i < fields.length; i++) {
        byName.putIfAbsent(fields[i], InetAddress.getByName(fields[0]));
      }
    }
    return byName;
  }
}
