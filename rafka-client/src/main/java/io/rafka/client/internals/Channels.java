package io.rafka.client.internals;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One gRPC channel per node address, shared by everything a client instance sends. gRPC multiplexes calls
 * over the channel and reconnects on its own. Thread-safe.
 *
 * <p>gRPC waits longer after each failed connection attempt, up to 2 minutes, and fails every call at once while
 * it waits: a node back from a restart, perhaps as a partition's leader, would stay unreachable to this client
 * that long. So a channel that fails to connect is told to try again after {@link #RECONNECT_BACKOFF} instead,
 * a bound like Kafka's {@code reconnect.backoff.max.ms}.
 */
public final class Channels implements AutoCloseable {
  /** How long a channel that failed to connect waits before it tries again. */
  static final Duration RECONNECT_BACKOFF = Duration.ofMillis(500);

  private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();
  private final ScheduledExecutorService reconnects = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "rafka-client-reconnect");
    t.setDaemon(true);
    return t;
  });
  private final int maxInboundBytes;
  private volatile boolean closed;

  public Channels(int maxInboundBytes) {
    this.maxInboundBytes = maxInboundBytes;
    long every = RECONNECT_BACKOFF.toMillis();
    reconnects.scheduleWithFixedDelay(this::reconnectFailed, every, every, TimeUnit.MILLISECONDS);
  }

  public ManagedChannel get(String address) {
    if (closed) {
      throw new IllegalStateException("client is closed");
    }
    return channels.computeIfAbsent(address, a -> NettyChannelBuilder.forTarget(a).usePlaintext()
        .maxInboundMessageSize(maxInboundBytes).keepAliveTime(30, TimeUnit.SECONDS).build());
  }

  /**
   * Tells every channel that is waiting out a failed connection to try again now. Polled rather than driven by
   * state changes: gRPC's pick-first keeps a channel in TRANSIENT_FAILURE through its own retries (it reports
   * no change until one succeeds), so a watcher of changes would fire once and never again.
   */
  private void reconnectFailed() {
    for (ManagedChannel channel : channels.values()) {
      if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
        channel.resetConnectBackoff();
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    reconnects.shutdownNow();
    channels.values().forEach(ManagedChannel::shutdown);
    for (ManagedChannel c : channels.values()) {
      try {
        if (!c.awaitTermination(2, TimeUnit.SECONDS)) {
          c.shutdownNow();
        }
      } catch (InterruptedException e) {
        c.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
    channels.clear();
  }
}
