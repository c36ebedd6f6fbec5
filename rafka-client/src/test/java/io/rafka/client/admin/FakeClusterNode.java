package io.rafka.client.admin;

import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.rafka.proto.ChangeMetadataVotersRequest;
import io.rafka.proto.ChangeMetadataVotersResponse;
import io.rafka.proto.ChangeReplicasRequest;
import io.rafka.proto.ChangeReplicasResponse;
import io.rafka.proto.ClusterServiceGrpc;
import io.rafka.proto.DecommissionNodeRequest;
import io.rafka.proto.DescribeClusterRequest;
import io.rafka.proto.DescribeClusterResponse;
import io.rafka.proto.DescribeLocalReplicasRequest;
import io.rafka.proto.DescribeLocalReplicasResponse;
import io.rafka.proto.DescribeMetadataQuorumRequest;
import io.rafka.proto.DescribeMetadataQuorumResponse;
import io.rafka.proto.DescribePartitionRequest;
import io.rafka.proto.DescribePartitionResponse;
import io.rafka.proto.ElectPreferredLeadersRequest;
import io.rafka.proto.ElectPreferredLeadersResponse;
import io.rafka.proto.MetadataRequest;
import io.rafka.proto.MetadataResponse;
import io.rafka.proto.MetadataServiceGrpc;
import io.rafka.proto.NodeChangeResponse;
import io.rafka.proto.PlanRequest;
import io.rafka.proto.PlanResponse;
import io.rafka.proto.RemoveNodeRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A stand-in for one Rafka node on an ephemeral loopback port: its ClusterService and MetadataService answer
 * what a test tells them to, and record every request. An RPC without an answer fails with UNIMPLEMENTED.
 * Thread-safe.
 */
final class FakeClusterNode implements AutoCloseable {
  /** An answer that never comes: the call hangs until the client's deadline. */
  static final Object SILENCE = new Object();

  private final Map<String, Function<Object, Object>> answers = new ConcurrentHashMap<>();
  private final Map<String, List<Object>> requests = new ConcurrentHashMap<>();
  private final Server server;

  FakeClusterNode() {
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new Cluster()).addService(new Metadata()).build();
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String address() {
    return "127.0.0.1:" + server.getPort();
  }

  /** Answers every call of {@code method} (the RPC's name, e.g. "DescribeCluster") with {@code answer}. */
  FakeClusterNode answer(String method, Object answer) {
    return answer(method, request -> answer);
  }

  /**
   * Answers calls of {@code method} with what {@code answer} returns for the request: a response message,
   * a {@link Status} to fail with, or {@link #SILENCE}.
   */
  FakeClusterNode answer(String method, Function<Object, Object> answer) {
    answers.put(method, answer);
    return this;
  }

  /** The requests {@code method} received, oldest first. */
  @SuppressWarnings("unchecked")
  <Q> List<Q> requests(String method) {
    return (List<Q>) List.copyOf(requests.getOrDefault(method, List.of()));
  }

  @SuppressWarnings("unchecked")
  private <R> void handle(String method, Object request, StreamObserver<R> observer) {
    requests.computeIfAbsent(method, m -> new CopyOnWriteArrayList<>()).add(request);
    Function<Object, Object> answer = answers.get(method);
    Object response = answer == null ? Status.UNIMPLEMENTED.withDescription("no answer for " + method)
        : answer.apply(request);
    if (response == SILENCE) {
      return;
    }
    if (response instanceof Status status) {
      observer.onError(status.asRuntimeException());
      return;
    }
    observer.onNext((R) response);
    observer.onCompleted();
  }

  @Override
  public void close() {
    try {
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class Cluster extends ClusterServiceGrpc.ClusterServiceImplBase {
    @Override
    public void describeCluster(DescribeClusterRequest q, StreamObserver<DescribeClusterResponse> o) {
      handle("DescribeCluster", q, o);
    }

    @Override
    public void decommissionNode(DecommissionNodeRequest q, StreamObserver<NodeChangeResponse> o) {
      handle("DecommissionNode", q, o);
    }

    @Override
    public void removeNode(RemoveNodeRequest q, StreamObserver<NodeChangeResponse> o) {
      handle("RemoveNode", q, o);
    }

    @Override
    public void planMembershipChange(PlanRequest q, StreamObserver<PlanResponse> o) {
      handle("PlanMembershipChange", q, o);
    }

    @Override
    public void describePartition(DescribePartitionRequest q, StreamObserver<DescribePartitionResponse> o) {
      handle("DescribePartition", q, o);
    }

    @Override
    public void changePartitionReplicas(ChangeReplicasRequest q, StreamObserver<ChangeReplicasResponse> o) {
      handle("ChangePartitionReplicas", q, o);
    }

    @Override
    public void electPreferredLeaders(ElectPreferredLeadersRequest q,
        StreamObserver<ElectPreferredLeadersResponse> o) {
      handle("ElectPreferredLeaders", q, o);
    }

    @Override
    public void describeMetadataQuorum(DescribeMetadataQuorumRequest q,
        StreamObserver<DescribeMetadataQuorumResponse> o) {
      handle("DescribeMetadataQuorum", q, o);
    }

    @Override
    public void changeMetadataVoters(ChangeMetadataVotersRequest q, StreamObserver<ChangeMetadataVotersResponse> o) {
      handle("ChangeMetadataVoters", q, o);
    }

    @Override
    public void describeLocalReplicas(DescribeLocalReplicasRequest q,
        StreamObserver<DescribeLocalReplicasResponse> o) {
      handle("DescribeLocalReplicas", q, o);
    }
  }

  private final class Metadata extends MetadataServiceGrpc.MetadataServiceImplBase {
    @Override
    public void getMetadata(MetadataRequest q, StreamObserver<MetadataResponse> o) {
      handle("GetMetadata", q, o);
    }
  }
}
