package io.rafka.server.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rafka.client.admin.NewTopic;
import io.rafka.client.admin.RafkaAdmin;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** metrics.ratis.enabled=false keeps Ratis's per-group series out of /metrics, and only them. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RatisMetricsOffIT {
  @TempDir
  Path dir;

  @Test
  void ratisSeriesAreLeftOutOnRequest() throws Exception {
    try (InProcessCluster cluster = InProcessCluster.start(1, dir, Map.of("metrics.ratis.enabled", "false"));
         RafkaAdmin admin = RafkaAdmin.create(cluster.clientProps())) {
      admin.createTopic(new NewTopic("quiet", 4, 1)).get(60, TimeUnit.SECONDS);
      InetSocketAddress http = cluster.node(1).httpAddress().orElseThrow();
      Await.until("the topic's partitions to be exported", java.time.Duration.ofSeconds(30),
          () -> partitionsExported(http) == 4);
      Scrape s = Scrape.of(http);
      assertFalse(s.samples().stream().anyMatch(x -> x.name().startsWith("rafka_ratis_")), "no Ratis series");
      assertTrue(s.has("rafka_node_groups_hosted") && s.has("jvm_threads_current"), "the rest stays");
    }
  }

  private static long partitionsExported(InetSocketAddress http) {
    try {
      return Scrape.of(http).samples().stream().filter(s -> s.name().equals("rafka_partition_leader")
          && "quiet".equals(s.labels().get("topic"))).count();
    } catch (Exception e) {
      return -1;
    }
  }
}
