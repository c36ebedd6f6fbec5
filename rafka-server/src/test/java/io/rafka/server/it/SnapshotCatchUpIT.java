package io.rafka.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rafka.client.internals.RecordBatches;
import io.rafka.proto.CreateTopicRequest;
import io.rafka.proto.ErrorCode;
import io.rafka.proto.ProduceResponse;
import io.rafka.server.metrics.MetricNames;
import io.rafka.server.partition.Partition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Snapshots let Ratis purge a partition's Raft log; a replica that was down past the purge point catches up
 * from a snapshot (segments shipped by Ratis) and then from the log, and ends with exactly the leader's data.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class SnapshotCatchUpIT {
  private static final String TOPIC = "snap";

  /** Many small partition segments: a snapshot of many files. */
  @Test
  void aReplicaDownPastThePurgePointCatchesUpFromASnapshot() throws Exception {
    catchUpFromSnapshot(Map.of(
        "raft.server.snapshot.auto.trigger.threshold", "100",
        "raft.server.log.segment.size.max", "64kb",
        "log.segment.bytes", "16kb"), 500, 600, 0);
  }

  /**
   * One partition segment far larger than a gRPC message (2 MiB + the 128 KiB appender limit here): Ratis must
   * ship it in chunks. With Ratis's default 16 MB chunk, the follower refused every chunk and never caught up.
   */
  @Test
  void aSnapshotFileLargerThanAGrpcMessageIsShippedInChunks() throws Exception {
    catchUpFromSnapshot(Map.of(
        "raft.server.snapshot.auto.trigger.threshold", "100",
        "raft.server.log.segment.size.max", "512kb",
        "message.max.bytes", "64kb",
        "raft.server.log.appender.buffer.byte-limit", "128kb"), 15_000, 120, 3L << 20);
  }

  /**
   * Stops a follower, writes {@code batches} batches of two records of {@code recordBytes} each, restarts it,
   * and checks it installed a snapshot and holds the leader's records; the leader's one segment must have
   * reached {@code minSegmentBytes}.
   */
  private void catchUpFromSnapshot(Map<String, String> overrides, int recordBytes, int batches,
      long minSegmentBytes) throws Exception {
    try (InProcessCluster cluster = InProcessCluster.start(3, InProcessCluster.tempDir("snapshot"), overrides);
         Api api = new Api(cluster.apiAddress(1))) {
      assertEquals(ErrorCode.NONE, api.admin().createTopic(CreateTopicRequest.newBuilder().setName(TOPIC)
          .setPartitions(1).setReplicationFactor(3).build()).getError().getCode());
      String topicId = cluster.node(1).raft().metadataImage().topic(TOPIC).orElseThrow().topicId();
      Await.until("a leader", Duration.ofSeconds(60), () -> leader(cluster, topicId) > 0);
      int leader = leader(cluster, topicId);
      int follower = leader == 3 ? 2 : 3;
      try (Api leaderApi = new Api(cluster.apiAddress(leader))) {
        produce(leaderApi, 10, recordBytes);
        Partition followerReplica = cluster.node(follower).partitions().get(TOPIC, 0).orElseThrow();
        Await.until("the follower to have the first records", Duration.ofSeconds(30),
            () -> followerReplica.logEndOffset() == 20);
        long appliedAtStop = ((Number) cluster.node(follower).metrics().getGauges()
            .get(MetricNames.tagged(MetricNames.PARTITION_APPLIED_INDEX, "topic", TOPIC, "partition", "0"))
            .getValue()).longValue();
        cluster.stopNode(follower);

        produce(leaderApi, batches, recordBytes);
        long leaderLogStart = raftLogStart(cluster, leader, topicId);
        assertTrue(leaderLogStart > appliedAtStop + 1, "the leader purged its Raft log past the stopped "
            + "follower (log starts at " + leaderLogStart + ", follower applied " + appliedAtStop + ")");

        Partition leaderReplica = cluster.node(leader).partitions().get(TOPIC, 0).orElseThrow();
        if (minSegmentBytes > 0) {
          assertEquals(1, leaderReplica.segmentCount(), "all data in one segment file");
          assertTrue(leaderReplica.sizeInBytes() >= minSegmentBytes, "the segment holds "
              + leaderReplica.sizeInBytes() + " bytes, more than one gRPC message");
        }
        cluster.startNode(follower);
        Await.until("the restarted follower to catch up", Duration.ofSeconds(180), () -> cluster.node(follower)
            .partitions().get(TOPIC, 0).map(p -> p.logEndOffset() == leaderReplica.logEndOffset()).orElse(false));
        assertTrue(raftLogStart(cluster, follower, topicId) > appliedAtStop + 1,
            "the follower skipped the purged entries, so it must have installed a snapshot");
        assertEquals(10 + batches, leaderReplica.logEndOffset() / 2);

        try (ReplicaReader fromLeader = new ReplicaReader(cluster.apiAddress(leader));
             ReplicaReader fromFollower = new ReplicaReader(cluster.apiAddress(follower))) {
          List<RecordBatches.Decoded> a = fromLeader.readAll(TOPIC, 0);
          List<RecordBatches.Decoded> b = fromFollower.readAll(TOPIC, 0);
          assertEquals(2 * (10 + batches), a.size());
          assertEquals(a.size(), b.size());
          for (int i = 0; i < a.size(); i++) {
            assertEquals(i, b.get(i).offset());
            assertTrue(java.util.Arrays.equals(a.get(i).value(), b.get(i).value()), "record " + i + " differs");
          }
        }
      }
    }
  }

  private static void produce(Api api, int batches, int recordBytes) {
    for (int i = 0; i < batches; i++) {
      ProduceResponse r = api.produce(TOPIC, 0, Batches.of("a".repeat(recordBytes) + i, "b".repeat(recordBytes) + i));
      assertEquals(ErrorCode.NONE, r.getError().getCode(), r.getError().getMessage());
    }
  }

  private static int leader(InProcessCluster cluster, String topicId) {
    for (int n = 1; n <= 3; n++) {
      if (cluster.node(n).raft().isLeaderReady(topicId, 0)) {
        return n;
      }
    }
    return -1;
  }

  private static long raftLogStart(InProcessCluster cluster, int node, String topicId) {
    try {
      return cluster.node(node).raft().raftLogStartIndex(topicId, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
