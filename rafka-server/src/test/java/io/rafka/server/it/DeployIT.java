package io.rafka.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.rafka.client.admin.NewTopic;
import io.rafka.client.admin.RafkaAdmin;
import io.rafka.client.consumer.RafkaConsumer;
import io.rafka.client.producer.ProducerRecord;
import io.rafka.client.producer.RafkaProducer;
import io.rafka.common.serialization.StringDeserializer;
import io.rafka.common.serialization.StringSerializer;
import io.rafka.server.config.ServerConfig;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The files under deploy/ parse and agree with the server: every metric the Grafana dashboard and the alert
 * rules query is one a running cluster exports, the Kubernetes manifests hold the objects an operator needs
 * with probes on the node's real endpoints, and the ConfigMap's settings are declared server keys.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DeployIT {
  private static final Path DEPLOY = Path.of("..", "deploy").toAbsolutePath().normalize();
  /** Metric names in PromQL: ours and the JVM's and process's (functions and labels have other names). */
  private static final Pattern METRIC = Pattern.compile("\\b((?:rafka|jvm|process)_[a-zA-Z0-9_]+)\\b");

  @TempDir
  Path dir;

  @Test
  void dashboardAndAlertsUseOnlyExportedMetrics() throws Exception {
    Set<String> used = new TreeSet<>();
    JsonObject dashboard = JsonParser.parseString(Files.readString(DEPLOY.resolve("grafana/rafka-dashboard.json")))
        .getAsJsonObject();
    assertEquals("Rafka", dashboard.get("title").getAsString());
    int queries = 0;
    for (JsonElement panel : dashboard.getAsJsonArray("panels")) {
      for (JsonElement target : panel.getAsJsonObject().getAsJsonArray("targets")) {
        used.addAll(metrics(target.getAsJsonObject().get("expr").getAsString()));
        queries++;
      }
    }
    assertTrue(queries >= 10, "the dashboard queries " + queries + " series");

    Map<String, Object> rules = new Yaml().load(Files.readString(DEPLOY.resolve("prometheus/rafka-alerts.yaml")));
    Set<String> alerts = new TreeSet<>();
    for (Map<String, Object> group : list(rules.get("groups"))) {
      for (Map<String, Object> rule : list(group.get("rules"))) {
        alerts.add((String) rule.get("alert"));
        used.addAll(metrics((String) rule.get("expr")));
        assertTrue(((Map<?, ?>) rule.get("labels")).containsKey("severity"), rule.get("alert") + " has a severity");
      }
    }
    assertTrue(alerts.containsAll(Set.of("RafkaPartitionsUnderReplicated", "RafkaPartitionsWithoutLeader",
        "RafkaQuorumAtRisk", "RafkaDiskNearlyFull")), "alerts: " + alerts);

    Set<String> exported = exportedByARunningCluster();
    Set<String> dangling = used.stream().filter(m -> !exported.contains(m)).collect(Collectors.toCollection(TreeSet::new));
    assertTrue(dangling.isEmpty(), "the dashboard or alerts use metrics no node exports: " + dangling);
  }

  @Test
  void kubernetesManifestsHoldAWorkingStatefulSet() throws Exception {
    Map<String, Map<String, Object>> byKind = new java.util.HashMap<>();
    for (Object doc : new Yaml().loadAll(Files.readString(DEPLOY.resolve("kubernetes/rafka.yaml")))) {
      Map<String, Object> object = map(doc);
      assertTrue(object.containsKey("apiVersion") && map(object.get("metadata")).containsKey("name"), "" + object);
      String kind = (String) object.get("kind");
      byKind.put(kind + (kind.equals("Service") ? "/" + map(object.get("metadata")).get("name") : ""), object);
    }
    assertEquals(Set.of("ConfigMap", "Service/rafka-headless", "Service/rafka", "PodDisruptionBudget", "StatefulSet"),
        byKind.keySet());
    assertEquals("None", map(byKind.get("Service/rafka-headless").get("spec")).get("clusterIP"));

    Map<String, Object> sts = map(byKind.get("StatefulSet").get("spec"));
    assertEquals("rafka-headless", sts.get("serviceName"));
    assertFalse(list(sts.get("volumeClaimTemplates")).isEmpty(), "stable storage");
    Map<String, Object> container = list(map(map(sts.get("template")).get("spec")).get("containers")).get(0);
    assertEquals("/health", map(map(container.get("livenessProbe")).get("httpGet")).get("path"));
    assertEquals("/ready", map(map(container.get("readinessProbe")).get("httpGet")).get("path"));
    assertEquals(1, map(byKind.get("PodDisruptionBudget").get("spec")).get("maxUnavailable"));

    String properties = (String) map(byKind.get("ConfigMap").get("data")).get("server.properties");
    Properties p = new Properties();
    p.load(new StringReader(properties));
    Set<String> declared = ServerConfig.DEF.keys().stream().map(k -> k.name()).collect(Collectors.toSet());
    for (String key : p.stringPropertyNames()) {
      assertTrue(declared.contains(key), "the ConfigMap sets " + key + ", which the server does not declare");
    }
  }

  @Test
  void entrypointDerivesIdentityFromThePodOrdinal() throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", DEPLOY.resolve("docker/rafka-entrypoint.sh").toString());
    pb.environment().putAll(Map.of("POD_NAME", "rafka-2", "POD_NAMESPACE", "prod",
        "RAFKA_HEADLESS_SERVICE", "rafka-headless", "RAFKA_CONFIG", DEPLOY.resolveSibling("conf")
            .resolve("server.properties").toString(), "RAFKA_DATA", dir.toString(), "RAFKA_ENTRYPOINT_PRINT", "1"));
    Process process = pb.redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), out);
    ServerConfig config = ServerConfig.load(dir.resolve("server.properties"));
    assertEquals(3, config.nodeId(), "rafka-2 is node 3");
    assertEquals("rafka-2.rafka-headless.prod.svc.cluster.local:9093", config.peerAdvertisedAddress());
    assertTrue(out.contains("metadata.voters=1@rafka-0.rafka-headless.prod.svc.cluster.local:9093,"
        + "2@rafka-1.rafka-headless.prod.svc.cluster.local:9093,3@rafka-2.rafka-headless.prod.svc.cluster.local:9093"),
        out);
  }

  /** Every metric name (sample names, so summaries' _count and _sum too) three loaded nodes export. */
  private Set<String> exportedByARunningCluster() throws Exception {
    Set<String> names = new TreeSet<>();
    try (InProcessCluster cluster = InProcessCluster.start(3, dir.resolve("cluster"),
        Map.of("group.lag.refresh.interval", "300ms"));
         RafkaAdmin admin = RafkaAdmin.create(cluster.clientProps())) {
      admin.createTopic(new NewTopic("deployed", 2, 3)).get(60, TimeUnit.SECONDS);
      try (RafkaProducer<String, String> producer =
               new RafkaProducer<>(cluster.clientProps(), new StringSerializer(), new StringSerializer())) {
        for (int i = 0; i < 50; i++) {
          producer.send(new ProducerRecord<>("deployed", i % 2, null, "d" + i)).get(60, TimeUnit.SECONDS);
        }
      }
      Map<String, Object> props = new HashMap<>(cluster.clientProps());
      props.put("group.id", "deployed-readers");
      props.put("auto.offset.reset", "earliest");
      try (RafkaConsumer<String, String> consumer =
               new RafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
        consumer.subscribe(List.of("deployed"));
        int read = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (read < 50 && System.nanoTime() < deadline) {
          read += consumer.poll(Duration.ofMillis(500)).count();
        }
        consumer.commitSync();
      }
      for (String series : List.of("rafka_partition_replica_lag", "rafka_group_lag_seconds")) {
        Await.until("some node to export " + series, Duration.ofSeconds(30), () -> {
          for (int n = 1; n <= 3; n++) {
            try {
              if (Scrape.of(cluster.node(n).httpAddress().orElseThrow()).has(series)) {
                return true;
              }
            } catch (Exception e) {
              return false;
            }
          }
          return false;
        });
      }
      for (int n = 1; n <= 3; n++) {
        Scrape.of(cluster.node(n).httpAddress().orElseThrow()).samples().forEach(s -> names.add(s.name()));
        for (String line : Scrape.get(cluster.node(n).httpAddress().orElseThrow(), "/metrics").body().split("\n")) {
          if (line.startsWith("# HELP rafka_") && !line.startsWith("# HELP rafka_ratis_")) {
            assertFalse(line.contains("Dropwizard metric"), "every exported Rafka metric is declared, with its "
                + "help, in MetricNames: " + line);
          }
        }
      }
    }
    return names;
  }

  private static Set<String> metrics(String expr) {
    Set<String> out = new TreeSet<>();
    Matcher m = METRIC.matcher(expr);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
  }
}
