package io.rafka.chaos.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A TCP proxy for one {@link Link}: listens on {@code 127.0.from.to:port} and forwards to {@code 127.0.0.1:port},
 * the target node's own address, behaving as its current {@link Mode} says. Thread-safe.
 *
 * <p>Each connection costs four platform threads (a reader and a writer per direction) that block on their sockets
 * or on the mode; nothing spins. {@link #close} ends every connection and waits for every thread.
 */
public final class PairProxy implements AutoCloseable {
  private static final int ACCEPT_BACKLOG = 128;
  private static final long ACCEPT_RETRY_PAUSE_MILLIS = 50;
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final Link link;
  private final ServerSocket listener;
  private final ModeGate gate = new ModeGate();
  private final ProxyThreads threads;
  private final ProxyContext context;
  private final AtomicLong connectionsAccepted = new AtomicLong();
  private final LongAdder bytesToTarget = new LongAdder();
  private final LongAdder bytesFromTarget = new LongAdder();

  private final Set<ProxiedConnection> connections = new HashSet<>(); // guarded by this
  private boolean closed; // guarded by this

  private PairProxy(Link link, ServerSocket listener, InetSocketAddress target, Optional<InetAddress> source) {
    this.link = link;
    this.listener = listener;
    this.threads = new ProxyThreads(link);
    this.context = new ProxyContext(link, target, source, gate, threads, bytesToTarget, bytesFromTarget,
        this::forget);
  }

  /** Starts a proxy for {@code link} on loopback; see {@link #start(Link, int, AddressPlan)}. */
  public static PairProxy start(Link link, int port) throws IOException {
    return start(link, port, AddressPlan.loopback());
  }

  /**
   * Starts a proxy for {@code link} in {@link Mode#PASS}, listening on {@code plan.link(link):port} and forwarding
   * to {@code plan.node(link.to()):port} (from {@code plan.upstreamSource(link)}, when the plan names one).
   */
  public static PairProxy start(Link link, int port, AddressPlan plan) throws IOException {
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(plan, "plan");
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be in [1, 65535], got " + port);
    }
    InetSocketAddress address = new InetSocketAddress(plan.link(link), port);
    ServerSocket listener = new ServerSocket();
    try {
      listener.bind(address, ACCEPT_BACKLOG);
    } catch (IOException e) {
      Sockets.closeQuietly(listener);
      throw new IOException("proxy for " + link + " cannot listen on " + address, e);
    }
    InetSocketAddress target = new InetSocketAddress(plan.node(link.to()), port);
    PairProxy proxy = new PairProxy(link, listener, target, plan.upstreamSource(link));
    proxy.threads.start("accept", proxy::acceptLoop);
    return proxy;
  }

  public Link link() {
    return link;
  }

  /** Where the {@code from} node must connect: {@code plan.link(link):port}. */
  public InetSocketAddress listenAddress() {
    return (InetSocketAddress) listener.getLocalSocketAddress();
  }

  public Mode mode() {
    return gate.mode();
  }

  /**
   * Switches every current and future connection to {@code mode}. Leaving BLACKHOLE releases the held bytes in
   * order; entering RESET aborts the current connections before returning.
   */
  public void setMode(Mode mode) {
    gate.set(Objects.requireNonNull(mode, "mode"));
    if (mode.kind() == Mode.Kind.RESET) {
      resetConnections();
    }
  }

  /** Aborts every current connection with a TCP RST to both sides, leaving the mode as it is. */
  public void resetConnections() {
    List<ProxiedConnection> current;
    synchronized (this) {
      current = List.copyOf(connections);
    }
    current.forEach(ProxiedConnection::abort);
  }

  public ProxyStats stats() {
    return new ProxyStats(connectionsAccepted.get(), bytesToTarget.sum(), bytesFromTarget.sum());
  }

  /**
   * Stops listening, resets every connection and waits until every thread of this proxy has ended.
   *
   * @throws IllegalStateException if some thread is still alive after ten seconds, naming it
   */
  @Override
  public void close() {
    List<ProxiedConnection> current;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      current = List.copyOf(connections);
    }
    Sockets.closeQuietly(listener);
    current.forEach(ProxiedConnection::abort);
    try {
      List<String> stuck = threads.awaitAll(CLOSE_TIMEOUT);
      if (!stuck.isEmpty()) {
        throw new IllegalStateException("proxy " + link + " closed but its threads did not end: " + stuck);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void acceptLoop() {
    int nextId = 1;
    while (true) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        if (listener.isClosed() || !pauseAfterFailedAccept()) {
          return;
        }
        continue;
      }
      connectionsAccepted.incrementAndGet();
      ProxiedConnection connection = new ProxiedConnection(nextId++, client, context);
      if (!remember(connection)) {
        connection.abort();
        return;
      }
      // Read after remember(): a setMode(RESET) that missed this connection in its snapshot is seen here.
      if (gate.mode().kind() == Mode.Kind.RESET) {
        connection.abort();
      } else {
        connection.start();
      }
    }
  }

  /**
   * A failed accept on an open listener is usually passing (the client gave up), but one that persists, such as
   * running out of file descriptors, would spin the acceptor without this pause.
   *
   * @return false if interrupted, which ends the acceptor
   */
  private static boolean pauseAfterFailedAccept() {
    try {
      Thread.sleep(ACCEPT_RETRY_PAUSE_MILLIS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private synchronized boolean remember(ProxiedConnection connection) {
    if (closed) {
      return false;
    }
    connections.add(connection);
    return true;
  }

  private synchronized void forget(ProxiedConnection connection) {
    connections.remove(connection);
  }

  @Override
  public String toString() {
    return "PairProxy[" + link + " " + mode() + " " + stats() + "]";
  }
}
