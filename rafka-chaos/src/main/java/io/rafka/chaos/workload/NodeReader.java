package io.rafka.chaos.workload;

import io.rafka.chaos.history.OffsetValue;
import io.rafka.client.internals.Channels;
import io.rafka.client.internals.RecordBatches;
import io.rafka.proto.ErrorCode;
import io.rafka.proto.FetchPartition;
import io.rafka.proto.FetchPartitionResult;
import io.rafka.proto.FetchRequest;
import io.rafka.proto.FetchResponse;
import io.rafka.proto.FetchServiceGrpc;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads a partition from one node's own replica (the fetch API serves any replica up to what it has applied),
 * so that readers going through different nodes can be compared, as Jepsen compares clients on every node.
 * Thread-safe.
 */
public final class NodeReader implements AutoCloseable {
  /** One fetch's outcome: the records from the asked offset on, and the replica's high watermark. */
  public record Page(List<OffsetValue> records, long highWatermark) {}

  private final int nodeId;
  private final String topic;
  private final Channels channels = new Channels(64 << 20); // reconnects to a restarted node within 0.5 s
  private final FetchServiceGrpc.FetchServiceBlockingStub stub;

  public NodeReader(int nodeId, String address, String topic) {
    this.nodeId = nodeId;
    this.topic = topic;
    this.stub = FetchServiceGrpc.newBlockingStub(channels.get(address));
  }

  public int nodeId() {
    return nodeId;
  }

  /**
   * One fetch from {@code offset} of at most about {@code maxBytes}.
   *
   * @throws ReadFailedException with the server's error code, or the transport's failure
   */
  public Page fetch(int partition, long offset, int maxBytes) {
    FetchResponse response;
    try {
      response = stub.withDeadlineAfter(3, TimeUnit.SECONDS).fetch(FetchRequest.newBuilder().addPartitions(
          FetchPartition.newBuilder().setTopic(topic).setPartition(partition).setOffset(offset)
              .setMaxBytes(maxBytes)).build());
    } catch (RuntimeException e) {
      throw new ReadFailedException("node " + nodeId + ": " + e.getMessage());
    }
    // A request refused as a whole carries its error at the top and no partition results.
    if (response.getError().getCode() != ErrorCode.NONE || response.getPartitionsCount() == 0) {
      throw new ReadFailedException("node " + nodeId + ": " + response.getError().getCode() + " "
          + response.getError().getMessage());
    }
    FetchPartitionResult r = response.getPartitions(0);
    if (r.getError().getCode() != ErrorCode.NONE) {
      throw new ReadFailedException("node " + nodeId + ": " + r.getError().getCode() + " " + r.getError().getMessage());
    }
    List<OffsetValue> out = new ArrayList<>();
    for (RecordBatches.Decoded d : RecordBatches.decode(r.getRecords(), offset)) {
      out.add(new OffsetValue(d.offset(), d.value() == null ? null : new String(d.value(), StandardCharsets.UTF_8)));
    }
    return new Page(out, r.getHighWatermark());
  }

  /** Every record of the partition on this replica, from 0 to its high watermark when the read began. */
  public List<OffsetValue> readAll(int partition) {
    List<OffsetValue> out = new ArrayList<>();
    long offset = 0;
    long end = fetch(partition, 0, 1).highWatermark();
    while (offset < end) {
      Page page = fetch(partition, offset, 4 << 20);
      if (page.records().isEmpty()) {
        throw new ReadFailedException("node " + nodeId + ": no records at " + offset + " below its end " + end);
      }
      for (OffsetValue r : page.records()) {
        if (r.offset() < end) {
          out.add(r);
        }
      }
      offset = page.records().get(page.records().size() - 1).offset() + 1;
    }
    return out;
  }

  @Override
  public void close() throws InterruptedException {
    channels.close();
  }

  /** A read that returned no records: the node is down, lagging, or not (yet) a replica. */
  public static final class ReadFailedException extends RuntimeException {
    public ReadFailedException(String message) {
      super(message);
    }
  }
}
