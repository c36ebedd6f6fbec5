package io.rafka.chaos.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * One connection through a pair proxy: the accepted client socket, the socket to the target node, and the two
 * {@link Pump}s between them. Thread-safe: {@link #abort} may come from any thread at any point of its life.
 */
final class ProxiedConnection {
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  /** A pump loop; on any failure the whole connection is aborted. */
  private interface Loop {
    void run() throws IOException, InterruptedException;
  }

  private final String name;
  private final Socket client;
  private final long acceptedAtNanos;
  private final ProxyContext context;

  private final List<Thread> ownThreads = new ArrayList<>(); // guarded by this
  private Socket upstream; // guarded by this
  private boolean ended; // guarded by this
  private int directionsDone; // guarded by this

  ProxiedConnection(int id, Socket client, ProxyContext context) {
    this.name = "c" + id;
    this.client = client;
    this.acceptedAtNanos = System.nanoTime();
    this.context = context;
  }

  void start() {
    spawn("connect", this::connectThenPump);
  }

  /** Resets both sides with a TCP RST and stops every thread of this connection. Idempotent. */
  void abort() {
    List<Thread> toStop;
    Socket targetSide;
    synchronized (this) {
      if (ended) {
        return;
      }
      ended = true;
      toStop = List.copyOf(ownThreads);
      targetSide = upstream;
    }
    Sockets.abort(client);
    if (targetSide != null) {
      Sockets.abort(targetSide);
    }
    // Closing the sockets ends blocking reads and writes; interrupts end the waits on the mode and the queues.
    for (Thread thread : toStop) {
      if (thread != Thread.currentThread()) {
        thread.interrupt();
      }
    }
    context.onEnd().accept(this);
  }

  private void connectThenPump() {
    runOrAbort(() -> {
      // Connecting is the handshake crossing the link: no SYN gets through a partition, and a delay slows it too.
      context.gate().awaitDue(acceptedAtNanos);
      Socket targetSide;
      synchronized (this) {
        if (ended) {
          return;
        }
        targetSide = new Socket();
        upstream = targetSide;
      }
      // Raft messages are small and latency-bound; the proxy must not add Nagle's wait on either side.
      client.setTcpNoDelay(true);
      targetSide.setTcpNoDelay(true);
      if (context.source().isPresent()) {
        targetSide.bind(new InetSocketAddress(context.source().get(), 0));
      }
      targetSide.connect(context.target(), CONNECT_TIMEOUT_MILLIS);
      startPumps(targetSide);
    });
  }

  private synchronized void startPumps(Socket targetSide) {
    if (ended) {
      return;
    }
    Pump toTarget = new Pump(client, targetSide, context.gate(), context.bytesToTarget());
    Pump fromTarget = new Pump(targetSide, client, context.gate(), context.bytesFromTarget());
    Link link = context.link();
    String up = link.from() + "to" + link.to();
    String down = link.to() + "to" + link.from();
    spawn(up + "-read", () -> runOrAbort(toTarget::readLoop));
    spawn(up + "-write", () -> runThenFinish(toTarget::writeLoop));
    spawn(down + "-read", () -> runOrAbort(fromTarget::readLoop));
    spawn(down + "-write", () -> runThenFinish(fromTarget::writeLoop));
  }

  private synchronized void spawn(String role, Runnable body) {
    if (!ended) {
      ownThreads.add(context.threads().start(name + "-" + role, body));
    }
  }

  private void runThenFinish(Loop loop) {
    if (runOrAbort(loop)) {
      directionDone();
    }
  }

  private boolean runOrAbort(Loop loop) {
    try {
      loop.run();
      return true;
    } catch (IOException | InterruptedException e) {
      // A failure on either side, or an abort already under way: the connection cannot carry on in order.
      abort();
      return false;
    }
  }

  /** Once both sides have ended their streams and the ends were passed on, the connection closes normally. */
  private void directionDone() {
    Socket targetSide;
    synchronized (this) {
      directionsDone++;
      if (directionsDone < 2 || ended) {
        return;
      }
      ended = true;
      targetSide = upstream;
    }
    Sockets.closeQuietly(client);
    Sockets.closeQuietly(targetSide);
    context.onEnd().accept(this);
  }

  @Override
  public String toString() {
    return context.link() + "-" + name;
  }
}
