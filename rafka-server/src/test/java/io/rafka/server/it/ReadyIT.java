package io.rafka.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.rafka.client.admin.NewTopic;
import io.rafka.client.admin.RafkaAdmin;
import io.rafka.client.producer.ProducerRecord;
import io.rafka.client.producer.RafkaProducer;
import io.rafka.common.serialization.StringSerializer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * /ready on a node restarted after it missed writes: 503 while it catches up (the body says why: metadata leader
 * unknown, or which group is how far behind), 200 only once it has caught up; /health is 200 throughout.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ReadyIT {
  private static final String TOPIC = "ready";

  @TempDir
  Path dir;

  @Test
  void restartedNodeIsNotReadyUntilItHasCaughtUp() throws Exception {
    // Lag 0: every entry its leaders committed must be applied, so a restarted node cannot be ready at once.
    try (InProcessCluster cluster = InProcessCluster.start(3, dir, Map.of("ready.max.lag", "0"));
         RafkaAdmin admin = RafkaAdmin.create(cluster.clientProps())) {
      admin.createTopic(new NewTopic(TOPIC, 2, 3)).get(60, TimeUnit.SECONDS);
      for (int n = 1; n <= 3; n++) {
        InProcessCluster c = cluster;
        int node = n;
        Await.until("node " + n + " to be ready", java.time.Duration.ofSeconds(60),
            () -> status(c.node(node).httpAddress().orElseThrow(), "/ready") == 200);
      }

      cluster.stopNode(3);
      produce(cluster, 20_000);
      cluster.startNode(3);
      InetSocketAddress http = cluster.node(3).httpAddress().orElseThrow();

      List<String> notReady = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      Scrape.Response r = Scrape.get(http, "/ready");
      while (r.status() != 200 && System.nanoTime() < deadline) {
        assertEquals(503, r.status(), r.body());
        notReady.add(r.body());
        assertEquals(200, Scrape.get(http, "/health").status(), "alive while catching up");
        TimeUnit.MILLISECONDS.sleep(20); // polling the endpoint as a readiness probe does
        r = Scrape.get(http, "/ready");
      }
      assertEquals(200, r.status(), "ready once caught up; last answers: " + tail(notReady));
      assertFalse(notReady.isEmpty(), "a node restarted behind its leaders is not ready at once");
      // Ready means caught up: with no writes since, its replicas hold exactly what the others hold.
      for (int p = 0; p < 2; p++) {
        long restarted = cluster.node(3).partitions().get(TOPIC, p).orElseThrow().logEndOffset();
        assertEquals(cluster.node(1).partitions().get(TOPIC, p).orElseThrow().logEndOffset(), restarted,
            "partition " + p + " on node 3 when it said ready");
      }
      assertEquals(1.0, Scrape.of(http).sum("rafka_node_ready"), "the gauge agrees");
    }
  }

  private static int status(InetSocketAddress http, String path) {
    try {
      return Scrape.get(http, path).status();
    } catch (Exception e) {
      return -1;
    }
  }

  private static List<String> tail(List<String> bodies) {
    return bodies.subList(Math.max(0, bodies.size() - 3), bodies.size());
  }

  private static void produce(InProcessCluster cluster, int count) throws Exception {
    Map<String, Object> props = cluster.clientProps();
    props.put("linger.ms", "0"); // one record per Raft entry: many entries to catch up on
    try (RafkaProducer<String, String> producer =
             new RafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      List<CompletableFuture<?>> sends = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        sends.add(producer.send(new ProducerRecord<>(TOPIC, i % 2, null, "r" + i)));
      }
      for (CompletableFuture<?> f : sends) {
        f.get(120, TimeUnit.SECONDS);
      }
    }
  }
}
