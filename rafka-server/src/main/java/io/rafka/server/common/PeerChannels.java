package io.rafka.server.common;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.Closeable;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * gRPC channels from this node to other nodes' client APIs, one per address, kept open between calls (a
 * channel reconnects by itself after a peer restarts). Thread-safe.
 */
public final class PeerChannels implements Closeable {
  private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();

  /** The channel to {@code address} (host:port), opened on first use. */
  public ManagedChannel to(String address) {
    return channels.computeIfAbsent(address, a -> NettyChannelBuilder.forTarget(a).usePlaintext().build());
  }

  /** A gRPC future-stub call as a CompletableFuture. */
  public static <T> CompletableFuture<T> completable(ListenableFuture<T> call) {
    CompletableFuture<T> answer = new CompletableFuture<>();
    Futures.addCallback(call, new FutureCallback<>() {
      @Override
      public void onSuccess(T value) {
        answer.complete(value);
      }

      @Override
      public void onFailure(Throwable t) {
        answer.completeExceptionally(t);
      }
    }, MoreExecutors.directExecutor());
    return answer;
  }

  @Override
  public void close() {
    channels.values().forEach(ManagedChannel::shutdownNow);
    channels.clear();
  }
}
