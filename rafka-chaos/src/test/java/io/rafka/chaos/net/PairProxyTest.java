package io.rafka.chaos.net;

import static io.rafka.chaos.net.Wire.assertConnectionReset;
import static io.rafka.chaos.net.Wire.assertNewConnectionReset;
import static io.rafka.chaos.net.Wire.assertNothingArrives;
import static io.rafka.chaos.net.Wire.connect;
import static io.rafka.chaos.net.Wire.randomBytes;
import static io.rafka.chaos.net.Wire.readExactly;
import static io.rafka.chaos.net.Wire.roundTrip;
import static io.rafka.chaos.net.Wire.writeInBackground;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class PairProxyTest {
  private EchoNode node2;
  private PairProxy proxy;

  @BeforeEach
  void start() throws IOException {
    node2 = EchoNode.start();
    proxy = PairProxy.start(new Link(1, 2), node2.port());
  }

  @AfterEach
  void stop() throws Exception {
    proxy.close();
    node2.close();
  }

  @Test
  void listensOnThePairAddressWithTheTargetsPort() throws IOException {
    assertEquals(InetAddress.getByName("127.0.1.2"), proxy.listenAddress().getAddress());
    assertEquals(node2.port(), proxy.listenAddress().getPort());
  }

  @Test
  void passForwardsBothWaysAndCountsIt() throws IOException {
    byte[] bytes = randomBytes(100_000, 1);
    try (Socket client = connect(proxy.listenAddress())) {
      client.getOutputStream().write(bytes);
      assertArrayEquals(bytes, readExactly(client, bytes.length));
    }
    proxy.close(); // ends every forwarding thread, so the counters are final
    assertEquals(new ProxyStats(1, bytes.length, bytes.length), proxy.stats());
  }

  @Test
  void blackholeHoldsBytesOnOpenConnectionsAndReleasesThemInOrder() throws Exception {
    try (Socket client = connect(proxy.listenAddress())) {
      roundTrip(client, "before the partition");
      proxy.setMode(Mode.BLACKHOLE);
      byte[] held = randomBytes(2_000_000, 2); // more than the socket buffers hold: the writer must be pushed back
      FutureTask<Void> write = writeInBackground(client, held);

      assertNothingArrives(client);
      assertFalse(client.isClosed());
      proxy.setMode(Mode.PASS);

      assertArrayEquals(held, readExactly(client, held.length));
      write.get(10, TimeUnit.SECONDS);
      roundTrip(client, "after the partition");
    }
  }

  @Test
  void blackholeAcceptsNewConnectionsButLetsNoHandshakeThrough() throws IOException {
    proxy.setMode(Mode.BLACKHOLE);
    try (Socket client = connect(proxy.listenAddress())) {
      byte[] bytes = randomBytes(1_000, 3);
      client.getOutputStream().write(bytes);

      assertNothingArrives(client);
      assertEquals(0, node2.connectionsAccepted());
      proxy.setMode(Mode.PASS);

      assertArrayEquals(bytes, readExactly(client, bytes.length));
      assertEquals(1, node2.connectionsAccepted());
    }
  }

  @Test
  void resetAbortsBothSidesAndResetsNewConnectionsUntilPass() throws Exception {
    try (Socket client = connect(proxy.listenAddress())) {
      roundTrip(client, "before the reset");
      proxy.setMode(Mode.RESET);
      assertConnectionReset(client);
    }
    assertInstanceOf(SocketException.class, node2.awaitConnectionFailure(Wire.ARRIVAL_TIMEOUT));

    assertNewConnectionReset(proxy.listenAddress());
    proxy.setMode(Mode.PASS);
    try (Socket client = connect(proxy.listenAddress())) {
      roundTrip(client, "after the reset");
    }
  }

  @Test
  void resetConnectionsIsOneShotAndKeepsTheMode() throws IOException {
    try (Socket client = connect(proxy.listenAddress())) {
      roundTrip(client, "before the reset");
      proxy.resetConnections();
      assertConnectionReset(client);
    }
    assertEquals(Mode.PASS, proxy.mode());
    try (Socket client = connect(proxy.listenAddress())) {
      roundTrip(client, "right after the reset");
    }
  }

  @Test
  void delayAddsTheLatencyInEachDirection() throws IOException {
    Duration delay = Duration.ofMillis(200);
    proxy.setMode(Mode.delay(delay));
    try (Socket client = connect(proxy.listenAddress())) {
      roundTrip(client, "connect through the delayed handshake");
      long start = System.nanoTime();
      roundTrip(client, "timed");
      Duration roundTrip = Duration.ofNanos(System.nanoTime() - start);

      assertTrue(roundTrip.compareTo(delay.multipliedBy(2)) >= 0, "round trip took only " + roundTrip);
    }
  }

  @Test
  void delayKeepsOrderAndIsLatencyNotAThroughputCap() throws Exception {
    proxy.setMode(Mode.delay(Duration.ofMillis(200)));
    byte[] bytes = randomBytes(8_000_000, 4);
    try (Socket client = connect(proxy.listenAddress())) {
      long start = System.nanoTime();
      FutureTask<Void> write = writeInBackground(client, bytes);

      assertArrayEquals(bytes, readExactly(client, bytes.length));
      write.get(10, TimeUnit.SECONDS);
      // Forwarding one 64 KiB chunk per delay would take 8 MB / 64 KiB * 2 * 200 ms > 45 s.
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "8 MB took " + took);
    }
  }

  @Test
  void carriesDozensOfConnectionsOfMegabytesEach() throws Exception {
    int connections = 24;
    int bytesEach = 2_000_000;
    ExecutorService clients = Executors.newFixedThreadPool(connections);
    try {
      List<Future<byte[]>> echoes = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        long seed = i;
        echoes.add(clients.submit(() -> {
          try (Socket client = connect(proxy.listenAddress())) {
            FutureTask<Void> write = writeInBackground(client, randomBytes(bytesEach, seed));
            byte[] echo = readExactly(client, bytesEach);
            write.get(30, TimeUnit.SECONDS);
            return echo;
          }
        }));
      }
      for (int i = 0; i < connections; i++) {
        assertArrayEquals(randomBytes(bytesEach, i), echoes.get(i).get(50, TimeUnit.SECONDS), "connection " + i);
      }
    } finally {
      clients.shutdownNow();
    }
    proxy.close();
    long total = (long) connections * bytesEach;
    assertEquals(new ProxyStats(connections, total, total), proxy.stats());
  }

  @Test
  void namesItsThreadsAfterTheLinkAndRunsThemAsDaemons() throws IOException {
    try (Socket client = connect(proxy.listenAddress())) {
      roundTrip(client, "start the forwarding threads");
      List<Thread> threads = Wire.liveProxyThreads();

      assertFalse(threads.isEmpty());
      threads.forEach(thread -> {
        assertTrue(thread.getName().startsWith("chaos-proxy-1-2-"), thread.getName());
        assertTrue(thread.isDaemon(), thread.getName() + " is not a daemon");
      });
    }
  }

  @Test
  void closeResetsConnectionsAndEndsEveryThread() throws IOException {
    try (Socket passing = connect(proxy.listenAddress())) {
      roundTrip(passing, "an open connection");
      proxy.setMode(Mode.BLACKHOLE);
      try (Socket held = connect(proxy.listenAddress())) {
        held.getOutputStream().write(randomBytes(10_000, 5));

        proxy.close();

        assertEquals(List.of(), Wire.liveProxyThreads());
        assertConnectionReset(passing);
        assertConnectionReset(held);
      }
    }
  }
}
