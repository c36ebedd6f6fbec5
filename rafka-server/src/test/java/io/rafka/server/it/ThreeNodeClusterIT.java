package io.rafka.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rafka.client.admin.NewTopic;
import io.rafka.client.admin.PartitionInfo;
import io.rafka.client.admin.RafkaAdmin;
import io.rafka.client.admin.TopicDescription;
import io.rafka.client.internals.RecordBatches;
import io.rafka.client.producer.ProducerRecord;
import io.rafka.client.producer.RafkaProducer;
import io.rafka.client.producer.RecordMetadata;
import io.rafka.common.serialization.StringSerializer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real nodes (separate JVMs): a 6-partition RF 3 topic gets leaders on every node; 100,000 records
 * are produced while the leader of partition 0 is killed with SIGKILL and later restarted; every
 * acknowledged record is then read back exactly once, at its acknowledged offset, in offset order, from
 * every replica, and the restarted node has caught up.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ThreeNodeClusterIT {
  private static final String TOPIC = "orders";
  private static final int PARTITIONS = 6;
  private static final int RECORDS = 100_000;

  @TempDir
  Path dir;

  @Test
  void acknowledgedRecordsSurviveALeaderKillOnEveryReplica() throws Exception {
    try (ProcessCluster cluster = new ProcessCluster(3, dir, Map.of())) {
      for (int n = 1; n <= 3; n++) {
        cluster.start(n);
      }
      try {
        run(cluster);
      } catch (Throwable t) {
        System.err.println(cluster.tails(80));
        throw t;
      }
    }
  }

  private void run(ProcessCluster cluster) throws Exception {
    try (RafkaAdmin admin = RafkaAdmin.create(cluster.clientProps())) {
      Await.until("3 registered nodes", Duration.ofSeconds(90),
          () -> admin.describeCluster().handle((c, e) -> c != null && c.nodes().size() == 3).join());
      admin.createTopic(new NewTopic(TOPIC, PARTITIONS, 3)).get(60, TimeUnit.SECONDS);
      Await.until("a leader for every partition", Duration.ofSeconds(60),
          () -> leaders(admin).values().stream().allMatch(l -> l > 0));
      Await.until("leaders on all three nodes (ring priorities)", Duration.ofSeconds(60),
          () -> new TreeSet<>(leaders(admin).values()).equals(Set.of(1, 2, 3)), () -> "leaders=" + leaders(admin));
      System.out.println("leaders before the kill: " + leaders(admin));

      Map<String, RecordMetadata> acked = new ConcurrentHashMap<>();
      List<Throwable> failures = new ArrayList<>();
      long[] latencyNanos = new long[RECORDS];
      Map<String, Object> props = cluster.clientProps();
      props.put("linger.ms", "5");
      props.put("delivery.timeout.ms", "180000");
      props.put("request.timeout.ms", "10000");
      int killedNode = -1;
      long start = System.nanoTime();
      try (RafkaProducer<String, String> producer =
               new RafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
        List<CompletableFuture<RecordMetadata>> sends = new ArrayList<>(RECORDS);
        for (int i = 0; i < RECORDS; i++) {
          if (i == 30_000) {
            producer.flush();
            killedNode = leaders(admin).get(0);
            System.out.println("killing node " + killedNode + " (leader of partition 0) with SIGKILL");
            cluster.kill(killedNode);
          }
          if (i == 60_000) {
            producer.flush();
            System.out.println("restarting node " + killedNode);
            cluster.start(killedNode);
          }
          String value = "value-" + i;
          long sentAt = System.nanoTime();
          int index = i;
          sends.add(producer.send(new ProducerRecord<>(TOPIC, "key-" + i, value)).whenComplete((m, e) -> {
            if (e != null) {
              synchronized (failures) {
                failures.add(e);
              }
            } else {
              latencyNanos[index] = System.nanoTime() - sentAt;
              acked.put(value, m);
            }
          }));
        }
        producer.flush();
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).handle((v, e) -> null).join();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      assertTrue(failures.isEmpty(), "sends failed: " + failures.stream().limit(5).toList());
      assertEquals(RECORDS, acked.size());
      printThroughput(seconds, latencyNanos);

      Map<Integer, Long> ends = new HashMap<>();
      acked.values().forEach(m -> ends.merge(m.partition(), m.offset() + 1, Math::max));
      for (int p = 0; p < PARTITIONS; p++) {
        for (int n = 1; n <= 3; n++) {
          int partition = p;
          try (ReplicaReader reader = new ReplicaReader(cluster.apiAddress(n))) {
            Await.until("node " + n + " to catch up on partition " + p, Duration.ofSeconds(120),
                () -> reader.highWatermark(TOPIC, partition) >= ends.getOrDefault(partition, 0L));
          }
        }
      }
      verifyEveryReplica(cluster, acked);
    }
  }

  private static Map<Integer, Integer> leaders(RafkaAdmin admin) {
    TopicDescription d = admin.describeTopic(TOPIC).join();
    return d.partitions().stream().collect(Collectors.toMap(PartitionInfo::partition, PartitionInfo::leader));
  }

  private static void verifyEveryReplica(ProcessCluster cluster, Map<String, RecordMetadata> acked)
      throws InterruptedException {
    Map<Integer, List<String>> reference = new HashMap<>();
    for (int n = 1; n <= 3; n++) {
      try (ReplicaReader reader = new ReplicaReader(cluster.apiAddress(n))) {
        int seen = 0;
        for (int p = 0; p < PARTITIONS; p++) {
          List<RecordBatches.Decoded> records = reader.readAll(TOPIC, p);
          List<String> values = new ArrayList<>(records.size());
          for (int i = 0; i < records.size(); i++) {
            assertEquals(i, records.get(i).offset(), "offsets are dense on node " + n + " partition " + p);
            values.add(new String(records.get(i).value(), StandardCharsets.UTF_8));
          }
          assertEquals(values.size(), new TreeSet<>(values).size(), "a value appears twice on node " + n);
          for (int i = 0; i < values.size(); i++) {
            RecordMetadata m = acked.get(values.get(i));
            assertTrue(m != null, "node " + n + " holds a value never acknowledged: " + values.get(i));
            assertEquals(p, m.partition());
            assertEquals(i, m.offset(), "acknowledged offset of " + values.get(i));
          }
          List<String> ref = reference.putIfAbsent(p, values);
          if (ref != null) {
            assertEquals(ref, values, "replicas disagree on partition " + p);
          }
          seen += values.size();
        }
        assertEquals(acked.size(), seen, "node " + n + " holds every acknowledged record exactly once");
      }
    }
  }

  private static void printThroughput(double seconds, long[] latencyNanos) {
    long[] sorted = latencyNanos.clone();
    Arrays.sort(sorted);
    System.out.printf("3-node produce (RF 3, with one leader killed and restarted): %d records in %.1f s = %.0f"
            + " records/s; send-to-ack latency p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms%n",
        RECORDS, seconds, RECORDS / seconds, ms(sorted, 0.50), ms(sorted, 0.99), ms(sorted, 0.999),
        sorted[sorted.length - 1] / 1e6);
  }

  private static double ms(long[] sorted, double q) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
  }
}
