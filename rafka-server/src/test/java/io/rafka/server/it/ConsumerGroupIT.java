package io.rafka.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rafka.client.admin.ConsumerGroupDescription;
import io.rafka.client.admin.NewTopic;
import io.rafka.client.admin.RafkaAdmin;
import io.rafka.client.producer.ProducerRecord;
import io.rafka.client.producer.RafkaProducer;
import io.rafka.common.TopicPartition;
import io.rafka.common.serialization.StringSerializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consumer group on a 6-partition topic: three members get two partitions each; a fourth joins and the
 * partitions are spread again; a member killed with SIGKILL loses its partitions within its session timeout;
 * offsets committed before every node restarts are there after; and no record is ever skipped.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class ConsumerGroupIT {
  private static final String TOPIC = "events";
  private static final String GROUP = "readers";
  private static final int PARTITIONS = 6;
  private static final int SESSION_MS = 4000;

  @TempDir
  Path dir;

  private final List<Process> consumers = new ArrayList<>();

  @Test
  void membersShareRebalanceSurviveKillsAndRestartsWithoutSkipping() throws Exception {
    try (InProcessCluster cluster = InProcessCluster.start(3, dir.resolve("cluster"), Map.of());
         RafkaAdmin admin = RafkaAdmin.create(cluster.clientProps())) {
      admin.createTopic(new NewTopic(TOPIC, PARTITIONS, 3)).get(60, TimeUnit.SECONDS);
      Map<Integer, Long> produced = produce(cluster, 0, 3000);
      try {
        for (int i = 0; i < 3; i++) {
          startConsumer(cluster, i);
        }
        awaitShares(admin, List.of(2, 2, 2), "three members with two partitions each");
        startConsumer(cluster, 3);
        awaitShares(admin, List.of(1, 1, 2, 2), "the fourth member to get a share");
        produced.putAll(produce(cluster, 3000, 3000));

        long killedAt = System.nanoTime();
        consumers.get(0).destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        awaitShares(admin, List.of(2, 2, 2), "the killed member's partitions to move");
        long movedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
        System.out.println("partitions of the killed member moved after " + movedMs + " ms (session " + SESSION_MS
            + " ms)");
        assertTrue(movedMs < SESSION_MS + 5000, "moved after " + movedMs + " ms");

        Await.until("the group to read everything produced", Duration.ofSeconds(120),
            () -> committed(admin).entrySet().stream().allMatch(e -> e.getValue() >= produced.get(e.getKey()))
                && committed(admin).size() == PARTITIONS, () -> "committed=" + committed(admin));
        for (int i = 1; i < consumers.size(); i++) {
          consumers.get(i).destroy();
          assertTrue(consumers.get(i).waitFor(60, TimeUnit.SECONDS), "consumer " + i + " did not stop on SIGTERM");
        }
        Map<Integer, Long> before = committed(admin);
        for (int n = 1; n <= 3; n++) {
          cluster.stopNode(n);
        }
        for (int n = 1; n <= 3; n++) {
          cluster.startNode(n);
        }
        Await.until("committed offsets to be readable after the restart", Duration.ofSeconds(120),
            () -> committed(admin).equals(before), () -> "now=" + committed(admin) + " before=" + before);

        produced.putAll(produce(cluster, 6000, 600));
        startConsumer(cluster, 4);
        Await.until("a new member to read the rest", Duration.ofSeconds(120),
            () -> committed(admin).entrySet().stream()
                .allMatch(e -> e.getValue() >= produced.get(e.getKey())));
      } catch (Throwable t) {
        dumpConsumers();
        throw t;
      } finally {
        consumers.forEach(Process::destroyForcibly);
      }
      assertNothingSkipped(produced);
    }
  }

  /** Each consumer process's liveness and the end of its log, for a failure report. */
  private void dumpConsumers() throws IOException {
    for (int i = 0; i < consumers.size(); i++) {
      Path log = dir.resolve("consumer-" + i + ".log");
      List<String> lines = java.nio.file.Files.exists(log) ? java.nio.file.Files.readAllLines(log) : List.of();
      System.err.println("===== consumer " + i + " (alive: " + consumers.get(i).isAlive() + ") =====");
      lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.err::println);
    }
  }

  private void startConsumer(InProcessCluster cluster, int index) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), GroupConsumerProcess.class.getName(), cluster.bootstrap(), GROUP, TOPIC,
        dir.resolve("consumer-" + index + ".out").toString(), Integer.toString(SESSION_MS));
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("consumer-" + index + ".log").toFile());
    consumers.add(pb.start());
  }

  /** Produces {@code count} records "v<i>" for i from {@code from}; returns each partition's end offset. */
  private static Map<Integer, Long> produce(InProcessCluster cluster, int from, int count) throws Exception {
    Map<Integer, Long> ends = new HashMap<>();
    try (RafkaProducer<String, String> producer =
             new RafkaProducer<>(cluster.clientProps(), new StringSerializer(), new StringSerializer())) {
      List<java.util.concurrent.CompletableFuture<io.rafka.client.producer.RecordMetadata>> sends = new ArrayList<>();
      for (int i = from; i < from + count; i++) {
        sends.add(producer.send(new ProducerRecord<>(TOPIC, i % PARTITIONS, null, "v" + i)));
      }
      for (var f : sends) {
        var m = f.get(60, TimeUnit.SECONDS);
        ends.merge(m.partition(), m.offset() + 1, Math::max);
      }
    }
    return ends;
  }

  private static void awaitShares(RafkaAdmin admin, List<Integer> shares, String what) {
    Await.until(what, Duration.ofSeconds(90), () -> {
      ConsumerGroupDescription d = describe(admin);
      if (d == null) {
        return false;
      }
      List<Integer> sizes = d.members().stream().map(m -> m.assignment().size()).sorted().toList();
      Set<TopicPartition> all = new HashSet<>();
      d.members().forEach(m -> all.addAll(m.assignment()));
      return sizes.equals(shares) && all.size() == PARTITIONS && d.state().equals("Stable");
    }, () -> String.valueOf(describe(admin)));
  }

  private static ConsumerGroupDescription describe(RafkaAdmin admin) {
    try {
      return admin.describeConsumerGroup(GROUP).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      return null;
    }
  }

  private static Map<Integer, Long> committed(RafkaAdmin admin) {
    ConsumerGroupDescription d = describe(admin);
    Map<Integer, Long> out = new TreeMap<>();
    if (d != null) {
      d.partitions().forEach((tp, lag) -> {
        if (lag.committedOffset() >= 0) {
          out.put(tp.partition(), lag.committedOffset());
        }
      });
    }
    return out;
  }

  /** Every produced offset of every partition was read by some member (duplicates allowed, gaps not). */
  private void assertNothingSkipped(Map<Integer, Long> produced) throws IOException {
    Map<Integer, Set<Long>> seen = new HashMap<>();
    try (var files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".out")).toList()) {
        for (String line : Files.readAllLines(f)) {
          String[] parts = line.split(" ");
          seen.computeIfAbsent(Integer.parseInt(parts[0]), k -> new HashSet<>()).add(Long.parseLong(parts[1]));
        }
      }
    }
    for (Map.Entry<Integer, Long> e : produced.entrySet()) {
      Set<Long> offsets = seen.getOrDefault(e.getKey(), Set.of());
      List<Long> missing = new ArrayList<>();
      for (long o = 0; o < e.getValue(); o++) {
        if (!offsets.contains(o)) {
          missing.add(o);
        }
      }
      assertEquals(List.of(), missing.stream().limit(20).collect(Collectors.toList()),
          "partition " + e.getKey() + " has offsets no member read");
    }
  }
}
