package io.rafka.server.it;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.rafka.client.internals.RecordBatches;
import io.rafka.proto.ErrorCode;
import io.rafka.proto.FetchPartition;
import io.rafka.proto.FetchPartitionResult;
import io.rafka.proto.FetchRequest;
import io.rafka.proto.FetchServiceGrpc;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads a partition straight from one node's replica (not through the leader), for checking replicas. */
final class ReplicaReader implements AutoCloseable {
  private final ManagedChannel channel;
  private final FetchServiceGrpc.FetchServiceBlockingStub stub;

  ReplicaReader(String address) {
    this.channel = NettyChannelBuilder.forTarget(address).usePlaintext().maxInboundMessageSize(64 << 20).build();
    this.stub = FetchServiceGrpc.newBlockingStub(channel);
  }

  /** One fetch at {@code offset}; the result carries that replica's high watermark. */
  FetchPartitionResult fetch(String topic, int partition, long offset, int maxBytes) {
    return stub.withDeadlineAfter(30, TimeUnit.SECONDS).fetch(FetchRequest.newBuilder()
        .addPartitions(FetchPartition.newBuilder().setTopic(topic).setPartition(partition).setOffset(offset)
            .setMaxBytes(maxBytes)).build()).getPartitions(0);
  }

  /** This replica's high watermark, or -1 if it cannot answer for the partition now. */
  long highWatermark(String topic, int partition) {
    try {
      FetchPartitionResult r = fetch(topic, partition, 0, 1);
      return r.getError().getCode() == ErrorCode.NONE || r.getError().getCode() == ErrorCode.OFFSET_OUT_OF_RANGE
          ? r.getHighWatermark() : -1;
    } catch (RuntimeException e) {
      return -1;
    }
  }

  /** Every record of the partition on this replica, from offset 0 up to its high watermark. */
  List<RecordBatches.Decoded> readAll(String topic, int partition) {
    List<RecordBatches.Decoded> out = new ArrayList<>();
    long offset = 0;
    while (true) {
      FetchPartitionResult r = fetch(topic, partition, offset, 4 << 20);
      if (r.getError().getCode() != ErrorCode.NONE) {
        throw new AssertionError("reading " + topic + "-" + partition + " at " + offset + ": " + r.getError());
      }
      if (offset >= r.getHighWatermark()) {
        return out;
      }
      List<RecordBatches.Decoded> records = RecordBatches.decode(r.getRecords(), offset);
      if (records.isEmpty()) {
        throw new AssertionError("no progress reading " + topic + "-" + partition + " at " + offset);
      }
      out.addAll(records);
      offset = records.get(records.size() - 1).offset() + 1;
    }
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
