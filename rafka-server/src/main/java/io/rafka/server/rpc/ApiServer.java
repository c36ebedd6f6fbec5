package io.rafka.server.rpc;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.rafka.server.admin.MetadataView;
import io.rafka.server.admin.TopicAdmin;
import io.rafka.server.fetch.FetchHandler;
import io.rafka.server.group.GroupCoordinator;
import io.rafka.server.membership.ClusterAdmin;
import io.rafka.server.produce.ProduceHandler;
import io.rafka.server.produce.ProducerIdAllocator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** The client-facing gRPC server of a node. Thread-safe. */
public final class ApiServer implements AutoCloseable {
  private final Server server;

  /**
   * @param maxInboundBytes largest request accepted at all; batches above the topic limit but below this
   *     get RECORD_TOO_LARGE from the handler, larger requests are refused by gRPC itself
   * @param executor where handlers that read from disk or wait on other nodes do their work
   */
  public ApiServer(String host, int port, int maxInboundBytes, Executor executor, ProduceHandler produce,
      ProducerIdAllocator producerIds, FetchHandler fetch, MetadataView metadata, TopicAdmin admin,
      GroupCoordinator groups, ClusterAdmin cluster) {
    this.server = NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
        // Handlers run on the connection's event-loop thread, in the order requests arrived: a producer
        // pipelines several batches per partition, and if two reached the Raft log in the wrong order the second
        // would be refused and resent. Handlers that read from disk move their work to the pool themselves.
        .directExecutor()
        .maxInboundMessageSize(maxInboundBytes)
        .permitKeepAliveTime(10, TimeUnit.SECONDS)
        .permitKeepAliveWithoutCalls(true)
        .addService(MalformedRequestGuard.guard(new ProduceService(produce, producerIds)))
        .addService(MalformedRequestGuard.guard(new FetchService(fetch, executor)))
        .addService(MalformedRequestGuard.guard(new MetadataService(metadata)))
        .addService(MalformedRequestGuard.guard(new AdminService(admin)))
        .addService(MalformedRequestGuard.guard(new GroupService(groups)))
        .addService(MalformedRequestGuard.guard(new ClusterService(cluster, executor)))
        .build();
  }

  public void start() throws IOException {
    server.start();
  }

  /** The port it listens on (useful when configured with port 0). */
  public int port() {
    return server.getPort();
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdown();
    if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
      server.shutdownNow();
      server.awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
