package io.rafka.chaos.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake Rafka node for proxy tests: echoes every byte back on 127.0.0.1 at an ephemeral port, and records how its
 * connections failed so a test can see that the proxy reset the target side too. Thread-safe.
 */
final class EchoNode implements AutoCloseable {
  private final ServerSocket server;
  private final AtomicInteger connectionsAccepted = new AtomicInteger();
  private final BlockingQueue<IOException> connectionFailures = new LinkedBlockingQueue<>();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private volatile boolean closing;

  private EchoNode(ServerSocket server) {
    this.server = server;
  }

  static EchoNode start() throws IOException {
    EchoNode node = new EchoNode(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    node.spawn("accept", node::acceptLoop);
    return node;
  }

  int port() {
    return server.getLocalPort();
  }

  int connectionsAccepted() {
    return connectionsAccepted.get();
  }

  /** The next failure of an accepted connection, or null if none comes within {@code timeout}. */
  IOException awaitConnectionFailure(Duration timeout) throws InterruptedException {
    return connectionFailures.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() throws IOException {
    closing = true;
    server.close();
    for (Socket socket : open) {
      socket.close();
    }
    try {
      for (Thread thread : threads) {
        thread.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void acceptLoop() {
    while (true) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException closed) {
        return;
      }
      connectionsAccepted.incrementAndGet();
      open.add(socket);
      spawn("echo-" + socket.getPort(), () -> echo(socket));
    }
  }

  private void echo(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      byte[] buffer = new byte[32 * 1024];
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        out.write(buffer, 0, read);
      }
      socket.shutdownOutput();
    } catch (IOException e) {
      if (!closing) {
        connectionFailures.add(e);
      }
    } finally {
      open.remove(socket);
    }
  }

  private void spawn(String role, Runnable body) {
    Thread thread = new Thread(body, "echo-node-" + port() + "-" + role);
    thread.setDaemon(true);
    threads.add(thread);
    thread.start();
  }
}
