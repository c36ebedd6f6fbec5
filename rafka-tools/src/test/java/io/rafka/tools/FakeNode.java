package io.rafka.tools;

import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.rafka.proto.AdminServiceGrpc;
import io.rafka.proto.ClusterServiceGrpc;
import io.rafka.proto.MetadataServiceGrpc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for one Rafka node on an ephemeral loopback port, so a tool can run end to end: every method of
 * the cluster, admin and metadata services answers what a test set for it (by RPC name, e.g.
 * "DecommissionNode"), a {@link Status} to fail with, or UNIMPLEMENTED; requests are recorded. Thread-safe.
 */
final class FakeNode implements AutoCloseable {
  private final Map<String, Object> answers = new ConcurrentHashMap<>();
  private final Map<String, List<Object>> requests = new ConcurrentHashMap<>();
  private final Server server;

  FakeNode() {
    NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0));
    for (ServiceDescriptor service : List.of(ClusterServiceGrpc.getServiceDescriptor(),
        AdminServiceGrpc.getServiceDescriptor(), MetadataServiceGrpc.getServiceDescriptor())) {
      ServerServiceDefinition.Builder definition = ServerServiceDefinition.builder(service);
      service.getMethods().forEach(m -> add(definition, m));
      builder.addService(definition.build());
    }
    server = builder.build();
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private <Q, R> void add(ServerServiceDefinition.Builder definition, MethodDescriptor<Q, R> method) {
    definition.addMethod(method, ServerCalls.asyncUnaryCall(
        (Q request, StreamObserver<R> observer) -> handle(method.getBareMethodName(), request, observer)));
  }

  String address() {
    return "127.0.0.1:" + server.getPort();
  }

  FakeNode answer(String method, Object answer) {
    answers.put(method, answer);
    return this;
  }

  @SuppressWarnings("unchecked")
  <Q> List<Q> requests(String method) {
    return (List<Q>) List.copyOf(requests.getOrDefault(method, List.of()));
  }

  @SuppressWarnings("unchecked")
  private <R> void handle(String method, Object request, StreamObserver<R> observer) {
    requests.computeIfAbsent(method, m -> new CopyOnWriteArrayList<>()).add(request);
    Object answer = answers.getOrDefault(method, Status.UNIMPLEMENTED.withDescription("no answer for " + method));
    if (answer instanceof Status status) {
      observer.onError(status.asRuntimeException());
    } else {
      observer.onNext((R) answer);
      observer.onCompleted();
    }
  }

  @Override
  public void close() {
    try {
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
