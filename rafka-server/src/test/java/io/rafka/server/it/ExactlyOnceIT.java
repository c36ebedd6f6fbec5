package io.rafka.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rafka.client.admin.NewTopic;
import io.rafka.client.admin.RafkaAdmin;
import io.rafka.client.internals.RecordBatches;
import io.rafka.client.producer.ProducerRecord;
import io.rafka.client.producer.RafkaProducer;
import io.rafka.client.producer.RecordMetadata;
import io.rafka.common.serialization.StringSerializer;
import io.rafka.proto.ErrorCode;
import io.rafka.server.common.FaultPoints;
import io.rafka.server.errors.ServerException;
import io.rafka.server.partition.PartitionId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Exactly-once appends under failure: 20 times during a 100,000-record run, a leader commits a batch, loses
 * the acknowledgement (the producer is told the write timed out) and hands leadership to another replica at
 * once; the idempotent producer retries on the new leader, which recognises the batch. Every record must then
 * be in its partition exactly once, in the order it was sent.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ExactlyOnceIT {
  private static final String TOPIC = "eos";
  private static final int PARTITIONS = 3;
  private static final int RECORDS = 100_000;
  private static final int FAULTS = 20;

  @AfterEach
  void disarm() {
    FaultPoints.disarm(FaultPoints.PRODUCE_AFTER_COMMIT);
  }

  @Test
  void everyRecordOnceInSendOrderDespiteLostAcksAndLeaderChanges() throws Exception {
    try (InProcessCluster cluster = InProcessCluster.start(3, InProcessCluster.tempDir("eos"), Map.of());
         RafkaAdmin admin = RafkaAdmin.create(cluster.clientProps())) {
      admin.createTopic(new NewTopic(TOPIC, PARTITIONS, 3)).get(60, TimeUnit.SECONDS);
      String topicId = cluster.node(1).raft().metadataImage().topic(TOPIC).orElseThrow().topicId();
      AtomicInteger armedFor = new AtomicInteger(-1);
      AtomicInteger injected = new AtomicInteger();
      FaultPoints.arm(FaultPoints.PRODUCE_AFTER_COMMIT, context -> {
        PartitionId p = (PartitionId) context;
        if (p.topic().equals(TOPIC) && armedFor.compareAndSet(p.partition(), -1)) {
          int leader = leader(cluster, topicId, p.partition());
          int target = leader % 3 + 1;
          cluster.node(leader).raft().transferLeadership(p, target, Duration.ofSeconds(10))
              .exceptionally(e -> {
                System.err.println("leader transfer failed: " + e);
                return null;
              });
          injected.incrementAndGet();
          throw new ServerException(ErrorCode.REQUEST_TIMED_OUT, "injected: the batch committed but its "
              + "acknowledgement was lost");
        }
      });

      Map<String, Object> props = cluster.clientProps();
      props.put("linger.ms", "2");
      props.put("request.timeout.ms", "10000");
      List<CompletableFuture<RecordMetadata>> sends = new ArrayList<>(RECORDS);
      try (RafkaProducer<String, String> producer =
               new RafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
        int[] next = new int[PARTITIONS];
        int perRound = RECORDS / FAULTS;
        for (int round = 0; round < FAULTS; round++) {
          // Each round arms one lost acknowledgement + leader transfer, then writes its share of the records.
          int partition = round % PARTITIONS;
          long term = term(cluster, topicId, partition);
          armedFor.set(partition);
          for (int i = round * perRound; i < (round + 1) * perRound; i++) {
            int p = i % PARTITIONS;
            sends.add(producer.send(new ProducerRecord<>(TOPIC, p, null, p + ":" + next[p]++)));
          }
          producer.flush();
          int r = round;
          Await.until("fault " + r + " to fire on partition " + partition, Duration.ofSeconds(60),
              () -> armedFor.get() == -1);
          Await.until("a new leader for partition " + partition, Duration.ofSeconds(60),
              () -> term(cluster, topicId, partition) > term && leader(cluster, topicId, partition) > 0);
        }
        producer.flush();
        for (CompletableFuture<RecordMetadata> f : sends) {
          f.get(2, TimeUnit.MINUTES);
        }
      }
      assertEquals(FAULTS, injected.get(), "every fault fired");

      try (ReplicaReader reader = new ReplicaReader(cluster.apiAddress(1))) {
        for (int p = 0; p < PARTITIONS; p++) {
          int partition = p;
          long expected = sends.stream().map(CompletableFuture::join).filter(m -> m.partition() == partition).count();
          Await.until("node 1 to apply partition " + p, Duration.ofSeconds(60),
              () -> reader.highWatermark(TOPIC, partition) >= expected);
          List<RecordBatches.Decoded> records = reader.readAll(TOPIC, p);
          assertEquals(expected, records.size(), "partition " + p + " holds each acknowledged record once");
          for (int i = 0; i < records.size(); i++) {
            assertEquals(p + ":" + i, new String(records.get(i).value(), StandardCharsets.UTF_8),
                "partition " + p + " offset " + i + " holds the record sent " + i + "th");
          }
        }
      }
      for (int i = 0; i < RECORDS; i++) {
        RecordMetadata m = sends.get(i).join();
        assertEquals(i / PARTITIONS, m.offset(), "acknowledged offset of record " + i);
      }
      System.out.println("exactly-once run: " + injected.get() + " lost acknowledgements with leader transfers");
      assertTrue(injected.get() >= FAULTS);
    }
  }

  private static int leader(InProcessCluster cluster, String topicId, int partition) {
    for (int n = 1; n <= 3; n++) {
      if (cluster.node(n).raft().isLeaderReady(topicId, partition)) {
        return n;
      }
    }
    return -1;
  }

  private static long term(InProcessCluster cluster, String topicId, int partition) {
    long max = 0;
    for (int n = 1; n <= 3; n++) {
      max = Math.max(max, cluster.node(n).raft().localTerm(topicId, partition).orElse(0L));
    }
    return max;
  }
}
