package io.rafka.chaos.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.FutureTask;

/** Client-side helpers for proxy tests: every blocking read has a timeout, so no test waits by sleeping. */
final class Wire {
  /** How long a read waits for bytes that should arrive. */
  static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(10);
  /** How long a read waits to show that held bytes do not arrive. */
  static final Duration SILENCE = Duration.ofMillis(300);

  private Wire() {
  }

  static Socket connect(InetSocketAddress address) throws IOException {
    Socket socket = new Socket();
    socket.connect(address, (int) ARRIVAL_TIMEOUT.toMillis());
    socket.setTcpNoDelay(true);
    socket.setSoTimeout((int) ARRIVAL_TIMEOUT.toMillis());
    return socket;
  }

  static byte[] readExactly(Socket socket, int length) throws IOException {
    byte[] bytes = new byte[length];
    new DataInputStream(socket.getInputStream()).readFully(bytes);
    return bytes;
  }

  /** Sends {@code message} and asserts the echo comes back whole. */
  static void roundTrip(Socket socket, String message) throws IOException {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    socket.getOutputStream().write(bytes);
    assertArrayEquals(bytes, readExactly(socket, bytes.length));
  }

  static void assertNothingArrives(Socket socket) throws IOException {
    socket.setSoTimeout((int) SILENCE.toMillis());
    assertThrows(SocketTimeoutException.class, () -> socket.getInputStream().read());
    socket.setSoTimeout((int) ARRIVAL_TIMEOUT.toMillis());
  }

  /** Asserts the peer reset {@code client}: a FIN would make read() return -1; only an RST makes it throw. */
  static void assertConnectionReset(Socket client) {
    SocketException reset = assertThrows(SocketException.class, () -> client.getInputStream().read());
    assertTrue(reset.getMessage().toLowerCase(Locale.ROOT).contains("reset"), reset.getMessage());
  }

  /** Asserts a new connection to {@code address} is reset, whether the RST lands during connect or after it. */
  static void assertNewConnectionReset(InetSocketAddress address) {
    SocketException reset = assertThrows(SocketException.class, () -> {
      try (Socket client = connect(address)) {
        client.getInputStream().read();
      }
    });
    assertTrue(reset.getMessage().toLowerCase(Locale.ROOT).contains("reset"), reset.getMessage());
  }

  /** Writes {@code bytes} from another thread, since a held link stops taking them once the buffers fill. */
  static FutureTask<Void> writeInBackground(Socket socket, byte[] bytes) {
    FutureTask<Void> write = new FutureTask<>(() -> {
      socket.getOutputStream().write(bytes);
      return null;
    });
    Thread thread = new Thread(write, "test-writer");
    thread.setDaemon(true);
    thread.start();
    return write;
  }

  static byte[] randomBytes(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  static List<Thread> liveProxyThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("chaos-proxy-") && thread.isAlive())
        .toList();
  }
}
