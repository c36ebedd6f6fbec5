package io.rafka.chaos.run;

import io.rafka.chaos.check.CheckResult;
import io.rafka.chaos.check.Checker;
import io.rafka.chaos.check.RunInfo;
import io.rafka.chaos.cluster.ChaosCluster;
import io.rafka.chaos.cluster.ChaosNode;
import io.rafka.chaos.history.FinalReads;
import io.rafka.chaos.history.FinalReadsFile;
import io.rafka.chaos.history.HistoryEvent;
import io.rafka.chaos.history.HistoryReader;
import io.rafka.chaos.history.HistoryWriter;
import io.rafka.chaos.nemesis.FaultKind;
import io.rafka.chaos.nemesis.Nemesis;
import io.rafka.chaos.nemesis.Schedule;
import io.rafka.chaos.net.NetworkNamespaces;
import io.rafka.chaos.workload.FinalReader;
import io.rafka.chaos.workload.GroupMembers;
import io.rafka.chaos.workload.History;
import io.rafka.chaos.workload.Probe;
import io.rafka.chaos.workload.Producers;
import io.rafka.chaos.workload.Readers;
import io.rafka.client.admin.NewTopic;
import io.rafka.common.TopicPartition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * One chaos run from start to verdict: a real cluster, the workload (producers, node-pinned readers, a consumer
 * group), the faults one after another with a health check around each, a final read of every replica, and
 * the checker over the whole history. The run's directory keeps everything: history files, final reads, node
 * configs, logs and data, the summary and its JSON.
 */
public final class ChaosRun {
  static final String TOPIC = "chaos";
  static final String GROUP = "chaos-readers";
  private static final Duration HEALTHY = Duration.ofSeconds(60);
  private static final Duration QUIET = Duration.ofSeconds(2);
  /** Writes go on this long after the last heal: the checker requires every partition to take one in 30 s. */
  private static final Duration AFTER_HEAL = Duration.ofSeconds(15);

  private final ChaosOptions options;
  private final List<String> harnessFailures = new ArrayList<>();
  private ChaosCluster cluster;
  private History history;
  private Probe probe;
  private volatile GroupMembers members;

  private ChaosRun(ChaosOptions options) {
    this.options = options;
  }

  /**
   * The run's verdict: the checker's result, the harness's own checks and anything that broke the run.
   * {@link #safe()} is about data (nothing lost, one order, no ack without a majority) and a run that went
   * through every fault; {@link #passed()} adds the availability bound after leader kills.
   */
  public record Outcome(CheckResult result, List<HarnessChecks.Verdict> verdicts, List<String> harnessFailures,
      Path dir) {
    public boolean safe() {
      return result != null && result.valid() && harnessFailures.isEmpty()
          && verdicts.stream().filter(v -> !v.availability()).allMatch(HarnessChecks.Verdict::passed);
    }

    public boolean passed() {
      return safe() && verdicts.stream().allMatch(HarnessChecks.Verdict::passed);
    }
  }

  public static Outcome run(ChaosOptions options) throws Exception {
    return new ChaosRun(options).execute();
  }

  private Outcome execute() throws Exception {
    Files.createDirectories(options.dir());
    Random random = new Random(options.seed());
    long startMillis = System.currentTimeMillis();
    history = new History(HistoryWriter.create(options.dir().resolve("history.jsonl")), startMillis);
    Path membersDir = Files.createDirectories(options.dir().resolve("members"));
    List<TopicPartition> partitions = IntStream.range(0, options.partitions())
        .mapToObj(p -> new TopicPartition(TOPIC, p)).toList();
    List<Nemesis.MajorityWindow> majorityWindows = List.of();
    FinalReads finals = new FinalReads(List.of());
    boolean inNamespaces = inNamespaces();
    cluster = ChaosCluster.create(options.repoRoot(), options.dir().resolve("nodes"), options.nodes() + 1, 3,
        Map.of(), inNamespaces);
    // An interrupted harness (Ctrl-C, SIGTERM, a CI timeout) must not leave nodes, members or namespaces behind.
    Thread stopOnExit = new Thread(this::stopEverything, "chaos-stop-on-exit");
    Runtime.getRuntime().addShutdownHook(stopOnExit);
    try {
      say("starting " + options.nodes() + " nodes (seed " + options.seed() + ", run dir " + options.dir() + ", "
          + (inNamespaces ? "a network namespace per node on " + cluster.network().plan().network()
              : "loopback") + ")");
      cluster.startFirst(options.nodes(), Duration.ofSeconds(180));
      cluster.admin().createTopic(new NewTopic(TOPIC, options.partitions(), 3)).get(60, TimeUnit.SECONDS);
      probe = new Probe(history, cluster.clientProps(), TOPIC);
      cluster.awaitHealthy(partitions, probe::write, HEALTHY);
      Map<Integer, String> readerNodes = new LinkedHashMap<>();
      cluster.nodes().stream().limit(options.nodes()).forEach(n -> readerNodes.put(n.id(), n.layout().apiAddress()));
      try (Producers producers = new Producers(history, cluster.clientProps(), TOPIC, options.partitions(), 2,
          options.recordsPerSecond());
           Readers readers = new Readers(history, readerNodes, TOPIC, options.partitions())) {
        members = new GroupMembers(bootstrap(), GROUP, TOPIC, membersDir, startMillis);
        for (int i = 0; i < 3; i++) {
          members.start();
        }
        Nemesis nemesis = new Nemesis(cluster, history, TOPIC, options.partitions(), random, members);
        TimeUnit.SECONDS.sleep(5); // a fault-free stretch to compare the faults against
        if (!options.faults().isEmpty()) {
          for (FaultKind kind : options.faults()) {
            fault(nemesis, kind, partitions);
          }
        } else if (options.soak()) {
          soak(nemesis, random, partitions, inNamespaces);
        } else {
          for (FaultKind kind : Schedule.ci(random, true, inNamespaces)) {
            fault(nemesis, kind, partitions);
          }
        }
        heal();
        TimeUnit.MILLISECONDS.sleep(AFTER_HEAL.toMillis()); // writes after the last heal, for the checker
        members.close();
        majorityWindows = nemesis.majorityWindows();
        say("workload stopped after " + producers.acknowledged() + " acknowledged writes; reading every replica");
      }
      List<String> readProblems = new ArrayList<>();
      finals = FinalReader.readAll(cluster, TOPIC, options.partitions(), Duration.ofMinutes(3), readProblems);
      harnessFailures.addAll(readProblems);
      FinalReadsFile.write(options.dir().resolve("final-reads.json"), finals);
    } catch (Exception | AssertionError e) {
      harnessFailures.add("the run broke: " + e);
      say("the run broke: " + e);
      finals = finalReadAfterBreak();
    } finally {
      if (members != null) {
        members.close();
      }
      if (probe != null) {
        probe.close();
      }
      try {
        cluster.close();
      } catch (IllegalStateException e) {
        harnessFailures.add(e.getMessage());
      }
      history.close();
      try {
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
      } catch (IllegalStateException e) {
        // the JVM is exiting already, and the hook runs
      }
    }
    return judge(members, finals, majorityWindows, System.currentTimeMillis() - startMillis);
  }

  /**
   * The shutdown hook of an interrupted run: kills the nodes and the group members and removes the proxies and
   * namespaces, without waiting for the run's own thread (it may be waiting for a node to start).
   */
  private void stopEverything() {
    say("interrupted: stopping every node and group member");
    cluster.killAllNow();
    try {
      if (members != null) {
        members.close();
      }
    } catch (InterruptedException | RuntimeException e) {
      say("stopping group members on exit: " + e);
    }
  }

  /** Whether the nodes get network namespaces: as asked, or (AUTO) when this machine allows them. */
  private boolean inNamespaces() {
    return switch (options.network()) {
      case LOOPBACK -> false;
      case NAMESPACES -> {
        NetworkNamespaces.unavailableReason().ifPresent(why -> {
          throw new IllegalStateException("--network namespaces, but namespaces cannot be used here: " + why);
        });
        yield true;
      }
      case AUTO -> {
        var why = NetworkNamespaces.unavailableReason();
        why.ifPresent(w -> say("no network namespaces (" + w + "): network faults through the proxies only"));
        yield why.isEmpty();
      }
    };
  }

  /**
   * After a break, heals what it can and reads every replica anyway: without final reads the checker would count
   * every acknowledged write as lost. When even that fails, says so, since LOST and UNCOMMITTED_READ then
   * count writes no replica could be read for.
   */
  private FinalReads finalReadAfterBreak() {
    if (cluster == null) {
      return new FinalReads(List.of());
    }
    try {
      heal();
      List<String> readProblems = new ArrayList<>();
      FinalReads finals = FinalReader.readAll(cluster, TOPIC, options.partitions(), Duration.ofMinutes(2),
          readProblems);
      harnessFailures.addAll(readProblems);
      FinalReadsFile.write(options.dir().resolve("final-reads.json"), finals);
      return finals;
    } catch (Exception | AssertionError e) {
      String why = "no final read after the break (" + e + "): LOST and UNCOMMITTED_READ below count writes "
          + "that no replica could be read for, not necessarily lost ones";
      harnessFailures.add(why);
      say(why);
      return new FinalReads(List.of());
    }
  }

  private void soak(Nemesis nemesis, Random random, List<TopicPartition> partitions, boolean inNamespaces)
      throws Exception {
    long deadline = System.nanoTime() + options.duration().toNanos();
    long membershipAt = System.nanoTime() + options.duration().toNanos() / 2;
    boolean membershipDone = false;
    while (System.nanoTime() < deadline) {
      if (!membershipDone && System.nanoTime() > membershipAt) {
        fault(nemesis, FaultKind.MEMBERSHIP, partitions);
        membershipDone = true;
        continue;
      }
      FaultKind kind = Schedule.soakNext(random, inNamespaces);
      if (random.nextInt(100) < 30 && kind != FaultKind.KILL_ALL && kind != FaultKind.KILL_MAJORITY) {
        overlapping(nemesis, kind, random, partitions);
      } else {
        fault(nemesis, kind, partitions);
      }
    }
  }

  /** A fault while another node's links are slowed: faults overlapping, as in a bad day. */
  private void overlapping(Nemesis nemesis, FaultKind kind, Random random, List<TopicPartition> partitions)
      throws Exception {
    List<ChaosNode> running = cluster.nodes().stream().filter(ChaosNode::running).toList();
    ChaosNode slowed = running.get(random.nextInt(running.size()));
    Duration delay = Duration.ofMillis(20 + random.nextInt(180));
    String fault = "delay " + delay.toMillis() + " ms on node " + slowed.id() + "'s links";
    history.record(t -> HistoryEvent.faultStart(t, fault));
    cluster.network().delay(slowed.id(), delay);
    try {
      fault(nemesis, kind, partitions);
    } finally {
      history.record(t -> HistoryEvent.faultEnd(t, fault));
      cluster.network().heal();
    }
  }

  /** One fault, then the cluster must be healthy again before anything else happens. */
  private void fault(Nemesis nemesis, FaultKind kind, List<TopicPartition> partitions) throws Exception {
    try {
      nemesis.run(kind);
    } catch (Exception e) {
      harnessFailures.add(kind + " failed: " + e);
      say(kind + " failed: " + e);
      heal();
    }
    try {
      Duration took = cluster.awaitHealthy(partitions, probe::write, HEALTHY);
      say("healthy again " + took.toMillis() + " ms after healing " + kind);
    } catch (IllegalStateException e) {
      harnessFailures.add("after " + kind + ": " + e.getMessage());
      say("after " + kind + ": " + e.getMessage());
    }
    TimeUnit.MILLISECONDS.sleep(QUIET.toMillis()); // steady traffic between faults
  }

  /** Ends every fault still in effect: the network heals, paused nodes resume, killed nodes restart. */
  private void heal() throws Exception {
    cluster.network().heal();
    if (cluster.namespaces().isPresent()) {
      cluster.namespaces().get().heal();
    }
    for (ChaosNode n : cluster.nodes()) {
      if (n.paused()) {
        n.resume();
      }
    }
    for (ChaosNode n : cluster.nodes()) {
      if (n.everStarted() && !n.running() && !n.retired()) {
        cluster.start(n.id(), Duration.ofSeconds(180));
      }
    }
  }

  private Outcome judge(GroupMembers members, FinalReads finals, List<Nemesis.MajorityWindow> windows,
      long durationMillis) throws Exception {
    List<HistoryEvent> events = new ArrayList<>(HistoryReader.read(options.dir().resolve("history.jsonl")));
    if (members != null) {
      for (Path f : members.historyFiles()) {
        if (Files.exists(f)) {
          events.addAll(HistoryReader.read(f));
        }
      }
    }
    events.sort(Comparator.comparingLong(HistoryEvent::time)); // stable: each process's order is kept
    CheckResult result = Checker.check(events, finals,
        RunInfo.of(options.seed(), options.nodes(), options.partitions(), durationMillis));
    List<HarnessChecks.Verdict> verdicts = List.of(HarnessChecks.noAckWithoutMajority(events, windows),
        HarnessChecks.leaderKillsHealQuickly(result));
    Outcome outcome = new Outcome(result, verdicts, List.copyOf(harnessFailures), options.dir());
    Report.write(outcome);
    return outcome;
  }

  private String bootstrap() {
    return (String) cluster.clientProps().get("bootstrap.servers");
  }

  static void say(String line) {
    System.out.println("chaos: " + line);
  }
}
