package io.rafka.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rafka.client.admin.NewTopic;
import io.rafka.client.admin.RafkaAdmin;
import io.rafka.client.consumer.RafkaConsumer;
import io.rafka.client.producer.ProducerRecord;
import io.rafka.client.producer.RafkaProducer;
import io.rafka.common.serialization.StringDeserializer;
import io.rafka.common.serialization.StringSerializer;
import io.rafka.common.TopicPartition;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes under load, scraped over HTTP: every node exports the named series, and they move: offsets grow
 * with writes, the cache reports hits for tail reads, a consumer group's lag grows once it stops consuming, a
 * stopped node's partitions count as under-replicated and put the survivors' quorums at risk.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MetricsIT {
  private static final String TOPIC = "metered";
  private static final int PARTITIONS = 3;
  private static final String GROUP = "metered.readers";

  /** Series every node must export. */
  private static final List<String> REQUIRED = List.of(
      "rafka_produce_requests", "rafka_produce_bytes_in_total", "rafka_produce_records_in_total",
      "rafka_fetch_requests", "rafka_fetch_bytes_out_total",
      "rafka_partition_log_end_offset", "rafka_partition_log_start_offset", "rafka_partition_high_watermark",
      "rafka_partition_applied_index", "rafka_partition_leader", "rafka_partition_segments",
      "rafka_partition_size_bytes",
      "rafka_cache_hits", "rafka_cache_misses", "rafka_cache_evictions", "rafka_cache_hit_ratio", "rafka_cache_bytes",
      "rafka_cluster_under_replicated_partitions", "rafka_cluster_leaderless_partitions",
      "rafka_cluster_quorum_at_risk_partitions", "rafka_cluster_nodes_down",
      "rafka_node_groups_hosted", "rafka_node_leaders", "rafka_node_ready",
      "jvm_memory_used_bytes", "jvm_threads_current", "process_open_fds");

  @TempDir
  Path dir;

  @Test
  void everyNodeExportsSeriesThatMove() throws Exception {
    try (InProcessCluster cluster = InProcessCluster.start(3, dir,
        Map.of("node.heartbeat.timeout", "2s", "group.lag.refresh.interval", "300ms"));
         RafkaAdmin admin = RafkaAdmin.create(cluster.clientProps())) {
      admin.createTopic(new NewTopic(TOPIC, PARTITIONS, 3)).get(60, TimeUnit.SECONDS);
      produce(cluster, 300);
      tailRead(cluster);

      for (int n = 1; n <= 3; n++) {
        Scrape s = Scrape.of(http(cluster, n));
        for (String name : REQUIRED) {
          assertTrue(s.has(name), "node " + n + " exports " + name);
        }
        assertTrue(s.samples().stream().anyMatch(x -> x.name().startsWith("rafka_ratis_")
            && x.labels().containsKey("member")), "node " + n + " bridges Ratis's own metrics");
        assertTrue(s.samples().stream().filter(x -> x.name().startsWith("rafka_ratis_"))
            .noneMatch(x -> x.name().contains("_group_")), "the group is a label, not part of a Ratis metric's name");
        assertEquals(PARTITIONS, s.samples().stream().filter(x -> x.name().equals("rafka_partition_log_end_offset")
            && TOPIC.equals(x.labels().get("topic"))).count(), "node " + n + " hosts every partition of " + TOPIC);
      }
      double leaders = 0;
      for (int n = 1; n <= 3; n++) {
        leaders += Scrape.of(http(cluster, n)).sum("rafka_partition_leader", Map.of("topic", TOPIC));
      }
      assertEquals(PARTITIONS, leaders, "one leader per partition across the nodes");
      Await.until("each leader to report its 2 followers' lag", Duration.ofSeconds(30),
          () -> replicaLagSeries(cluster) == 2 * PARTITIONS);

      InetSocketAddress node1 = http(cluster, 1);
      double endBefore = Scrape.of(node1).sum("rafka_partition_log_end_offset", Map.of("topic", TOPIC));
      assertTrue(endBefore >= 300, "300 records written: " + endBefore);
      produce(cluster, 200);
      Await.until("node 1's end offsets to grow by 200", Duration.ofSeconds(30), () -> sum(node1,
          "rafka_partition_log_end_offset", Map.of("topic", TOPIC)) >= endBefore + 200);
      double hits = 0;
      for (int n = 1; n <= 3; n++) {
        hits += Scrape.of(http(cluster, n)).sum("rafka_cache_hits");
      }
      assertTrue(hits > 0, "tail reads hit the cache somewhere");

      groupLagGrowsWhenTheConsumerStops(cluster);

      assertEquals(0, Scrape.of(node1).sum("rafka_cluster_under_replicated_partitions"), "all replicas up");
      cluster.stopNode(3);
      Await.until("node 1 to count the stopped node's partitions as under-replicated", Duration.ofSeconds(60),
          () -> sum(node1, "rafka_cluster_under_replicated_partitions", Map.of()) >= PARTITIONS);
      Scrape after = Scrape.of(node1);
      assertEquals(1, after.sum("rafka_cluster_nodes_down"));
      assertTrue(after.sum("rafka_cluster_quorum_at_risk_partitions", Map.of("node", "1")) >= PARTITIONS,
          "with node 3 down, node 1 dying would cost every partition its majority");
      assertEquals(0, after.sum("rafka_cluster_quorum_at_risk_partitions", Map.of("node", "3")),
          "a down node puts nothing further at risk");
    }
  }

  /**
   * A group reads everything and commits: its coordinator reports one member and no lag. The consumer stops:
   * no members, and the lag grows by what is written after, in records and in seconds.
   */
  private static void groupLagGrowsWhenTheConsumerStops(InProcessCluster cluster) throws Exception {
    Map<String, String> group = Map.of("group", GROUP);
    Map<String, Object> props = new java.util.HashMap<>(cluster.clientProps());
    props.put("group.id", GROUP);
    props.put("auto.offset.reset", "earliest");
    props.put("enable.auto.commit", false);
    try (RafkaConsumer<String, String> consumer =
             new RafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(TOPIC));
      long read = 0;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (read < 500 && System.nanoTime() < deadline) {
        read += consumer.poll(Duration.ofMillis(500)).count();
        consumer.commitSync();
      }
      assertEquals(500, read, "the group read every record written");
      Await.until("the coordinator to report the group's one member and no lag", Duration.ofSeconds(30),
          () -> sumAll(cluster, "rafka_group_members", group) == 1
              && seriesAll(cluster, "rafka_group_lag_records", group) == PARTITIONS
              && sumAll(cluster, "rafka_group_lag_records", group) == 0
              && sumAll(cluster, "rafka_group_lag_seconds", group) == 0);
      assertTrue(sumAll(cluster, "rafka_group_generation", group) >= 1, "joining bumped the generation");
    }
    produce(cluster, 120);
    Await.until("the stopped group's lag to grow by the 120 records written since", Duration.ofSeconds(30),
        () -> sumAll(cluster, "rafka_group_lag_records", group) == 120
            && sumAll(cluster, "rafka_group_members", group) == 0);
    double waited = sumAll(cluster, "rafka_group_lag_seconds", group);
    assertTrue(waited > 0, "unconsumed records have waited: " + waited);
    Await.until("the lag in seconds to keep growing while nobody consumes", Duration.ofSeconds(30),
        () -> sumAll(cluster, "rafka_group_lag_seconds", group) > waited + 1);
  }

  /** The sum of a series over every node (a group's series come from its coordinator only). */
  private static double sumAll(InProcessCluster cluster, String name, Map<String, String> labels) {
    double total = 0;
    for (int n = 1; n <= 3; n++) {
      total += sum(http(cluster, n), name, labels);
    }
    return total;
  }

  private static long seriesAll(InProcessCluster cluster, String name, Map<String, String> labels) {
    long count = 0;
    for (int n = 1; n <= 3; n++) {
      try {
        count += Scrape.of(http(cluster, n)).samples().stream().filter(x -> x.name().equals(name)
            && x.labels().entrySet().containsAll(labels.entrySet())).count();
      } catch (Exception e) {
        return -1;
      }
    }
    return count;
  }

  /** The replica-lag series of the test topic across the nodes (leaders export one per follower). */
  private static long replicaLagSeries(InProcessCluster cluster) {
    long count = 0;
    for (int n = 1; n <= 3; n++) {
      try {
        count += Scrape.of(http(cluster, n)).samples().stream().filter(x -> x.name()
            .equals("rafka_partition_replica_lag") && TOPIC.equals(x.labels().get("topic"))
            && x.value() >= 0).count();
      } catch (Exception e) {
        return -1;
      }
    }
    return count;
  }

  private static double sum(InetSocketAddress http, String name, Map<String, String> labels) {
    try {
      return Scrape.of(http).sum(name, labels);
    } catch (Exception e) {
      return Double.NaN;
    }
  }

  private static InetSocketAddress http(InProcessCluster cluster, int node) {
    return cluster.node(node).httpAddress().orElseThrow();
  }

  private static void produce(InProcessCluster cluster, int count) throws Exception {
    try (RafkaProducer<String, String> producer =
             new RafkaProducer<>(cluster.clientProps(), new StringSerializer(), new StringSerializer())) {
      List<CompletableFuture<?>> sends = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        sends.add(producer.send(new ProducerRecord<>(TOPIC, i % PARTITIONS, null, "m" + i)));
      }
      for (CompletableFuture<?> f : sends) {
        f.get(60, TimeUnit.SECONDS);
      }
    }
  }

  /** Reads every partition to its end twice: the second pass is served from the hot-read cache. */
  private static void tailRead(InProcessCluster cluster) {
    for (int pass = 0; pass < 2; pass++) {
      try (RafkaConsumer<String, String> consumer =
               new RafkaConsumer<>(cluster.clientProps(), new StringDeserializer(), new StringDeserializer())) {
        List<TopicPartition> all = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
          all.add(new TopicPartition(TOPIC, p));
        }
        consumer.assign(all);
        consumer.seekToBeginning(all);
        int read = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (read < 300 && System.nanoTime() < deadline) {
          read += consumer.poll(Duration.ofMillis(500)).count();
        }
      }
    }
  }
}
