package io.rafka.server.it;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.rafka.proto.AdminServiceGrpc;
import io.rafka.proto.ClusterServiceGrpc;
import io.rafka.proto.FetchPartition;
import io.rafka.proto.FetchPartitionResult;
import io.rafka.proto.FetchRequest;
import io.rafka.proto.FetchServiceGrpc;
import io.rafka.proto.ProduceRequest;
import io.rafka.proto.ProduceResponse;
import io.rafka.proto.ProduceServiceGrpc;
import io.rafka.proto.RecordBatch;
import java.util.concurrent.TimeUnit;

/** Raw gRPC calls to one node, for tests that send exactly the request they mean (good or bad). */
final class Api implements AutoCloseable {
  final ManagedChannel channel;

  Api(String address) {
    this.channel = NettyChannelBuilder.forTarget(address).usePlaintext().maxInboundMessageSize(64 << 20).build();
  }

  ProduceServiceGrpc.ProduceServiceBlockingStub produce() {
    return ProduceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
  }

  FetchServiceGrpc.FetchServiceBlockingStub fetch() {
    return FetchServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
  }

  ClusterServiceGrpc.ClusterServiceBlockingStub cluster() {
    return ClusterServiceGrpc.newBlockingStub(channel).withDeadlineAfter(120, TimeUnit.SECONDS);
  }

  AdminServiceGrpc.AdminServiceBlockingStub admin() {
    return AdminServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
  }

  ProduceResponse produce(String topic, int partition, RecordBatch batch) {
    return produce().produce(ProduceRequest.newBuilder().setTopic(topic).setPartition(partition).setBatch(batch)
        .build());
  }

  FetchPartitionResult fetch(String topic, int partition, long offset) {
    return fetch(topic, partition, offset, 0);
  }

  FetchPartitionResult fetch(String topic, int partition, long offset, int maxWaitMs) {
    return fetch().fetch(FetchRequest.newBuilder().setMaxWaitMs(maxWaitMs).addPartitions(FetchPartition.newBuilder()
        .setTopic(topic).setPartition(partition).setOffset(offset)).build()).getPartitions(0);
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
