package io.rafka.chaos.nemesis;

import io.rafka.chaos.cluster.ChaosCluster;
import io.rafka.chaos.cluster.ChaosNode;
import io.rafka.chaos.cluster.RaftLogFiles;
import io.rafka.chaos.history.HistoryEvent;
import io.rafka.chaos.net.NetworkNamespaces;
import io.rafka.chaos.workload.GroupMembers;
import io.rafka.chaos.workload.History;
import io.rafka.client.admin.PartitionGroupDescription;
import io.rafka.common.TopicPartition;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Injects one fault and heals it, recording both in the history (the fault's start when it takes effect, its
 * end when healing begins). Targets are chosen from the run's seeded random source and the cluster's current
 * state (who leads the chosen partition now). Not thread-safe: one nemesis thread drives it.
 */
public final class Nemesis {
  /** Longer than the election timeout (1-2 s), well below Ratis's 10 s pause step-down. */
  static final Duration PAUSE = Duration.ofSeconds(4);
  static final Duration PARTITION = Duration.ofSeconds(6);
  static final Duration MAJORITY_DOWN = Duration.ofSeconds(5);
  static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final ChaosCluster cluster;
  private final History history;
  private final String topic;
  private final int partitions;
  private final Random random;
  private final GroupMembers members;
  private final List<MajorityWindow> majorityWindows = new ArrayList<>();
  /** The fault started and not yet ended, if any. */
  private String open;
  /** The partition {@link FaultKind#CHASE_LEADER} kills the leaders of, chosen on first use. */
  private TopicPartition chased;

  /** When every replica majority was down: no write may be acknowledged that started inside it. */
  public record MajorityWindow(String fault, int partition, long start, long end) {}

  public Nemesis(ChaosCluster cluster, History history, String topic, int partitions, Random random,
      GroupMembers members) {
    this.cluster = cluster;
    this.history = history;
    this.topic = topic;
    this.partitions = partitions;
    this.random = random;
    this.members = members;
  }

  public List<MajorityWindow> majorityWindows() {
    return List.copyOf(majorityWindows);
  }

  /** Runs one fault of this kind from start to heal; a fault that fails half-way is still ended in the history. */
  public void run(FaultKind kind) throws Exception {
    try {
      inject(kind);
    } finally {
      if (open != null) {
        end(open);
      }
    }
  }

  private void inject(FaultKind kind) throws Exception {
    switch (kind) {
      case KILL_LEADER -> killLeader(randomPartition());
      case CHASE_LEADER -> killLeader(chased());
      case PAUSE_LEADER -> pauseLeader();
      case KILL_FOLLOWER -> killFollower();
      case PAUSE_FOLLOWER -> pauseFollower();
      case BOUNCE_LEADER -> bounceLeader();
      case ISOLATE_LEADER -> isolateLeader();
      case FIREWALL_ISOLATE_LEADER -> firewallIsolateLeader();
      case KILL_MAJORITY -> killMajority();
      case KILL_ALL -> killAll();
      case MEMBERSHIP -> new MembershipFault(cluster, randomPartition(), this::start, this::end).run();
      case KILL_GROUP_MEMBER -> killGroupMember();
      case TRUNCATE_FOLLOWER_LOG -> truncateFollowerLog();
    }
  }

  private void killLeader(TopicPartition tp) throws Exception {
    ChaosNode leader = leaderNode(tp);
    String fault = "kill leader " + leader.id() + " of " + tp;
    start(fault);
    leader.kill();
    awaitNewLeader(tp, leader.id());
    end(fault);
    cluster.start(leader.id(), START_TIMEOUT);
  }

  private void pauseLeader() throws Exception {
    TopicPartition tp = randomPartition();
    ChaosNode leader = leaderNode(tp);
    String fault = "pause leader " + leader.id() + " of " + tp + " for " + PAUSE.toSeconds() + " s";
    start(fault);
    leader.pause();
    TimeUnit.MILLISECONDS.sleep(PAUSE.toMillis()); // the fault is the duration itself
    end(fault);
    leader.resume();
  }

  private void killFollower() throws Exception {
    ChaosNode follower = followerNode(randomPartition());
    String fault = "kill follower " + follower.id();
    start(fault);
    follower.kill();
    TimeUnit.MILLISECONDS.sleep(PAUSE.toMillis()); // keep it down while writes go on
    end(fault);
    cluster.start(follower.id(), START_TIMEOUT);
  }

  /**
   * A torn write on a stopped minority node: the newest Raft log segment of one partition on one follower
   * loses a random tail (possibly mid-entry). The other replicas, a majority, still hold every entry.
   */
  private void truncateFollowerLog() throws Exception {
    TopicPartition tp = randomPartition();
    PartitionGroupDescription d = cluster.describe(tp).orElseThrow();
    List<Integer> followers = d.replicas().stream().filter(id -> id != d.leader()).toList();
    ChaosNode follower = cluster.node(followers.get(random.nextInt(followers.size())));
    String fault = "kill follower " + follower.id() + ", truncate its newest Raft log segment of " + tp
        + ", restart";
    start(fault);
    follower.kill();
    Optional<Path> segment = RaftLogFiles.openSegment(follower.layout().dataDir(), d.groupId());
    if (segment.isPresent()) {
      long size = RaftLogFiles.writtenLength(segment.get()); // past it, only preallocated zeros
      long keep = RaftLogFiles.SEGMENT_HEADER_BYTES
          + (long) (random.nextDouble() * Math.max(0, size - RaftLogFiles.SEGMENT_HEADER_BYTES));
      try (FileChannel file = FileChannel.open(segment.get(), StandardOpenOption.WRITE)) {
        file.truncate(keep);
        file.force(true);
      }
      System.out.println("chaos: truncated " + segment.get() + " from " + size + " written bytes to " + keep);
    } else {
      System.out.println("chaos: " + tp + " has no open Raft log segment on node " + follower.id()
          + "; nothing truncated");
    }
    end(fault);
    cluster.start(follower.id(), START_TIMEOUT);
  }

  private void pauseFollower() throws Exception {
    ChaosNode follower = followerNode(randomPartition());
    String fault = "pause follower " + follower.id() + " for " + PAUSE.toSeconds() + " s";
    start(fault);
    follower.pause();
    TimeUnit.MILLISECONDS.sleep(PAUSE.toMillis());
    end(fault);
    follower.resume();
  }

  private void bounceLeader() throws Exception {
    TopicPartition tp = randomPartition();
    ChaosNode leader = leaderNode(tp);
    String fault = "SIGTERM leader " + leader.id() + " of " + tp + " and restart";
    start(fault);
    leader.terminate(); // throws if it takes longer than 30 s: a failure of its own
    end(fault);
    cluster.start(leader.id(), START_TIMEOUT);
  }

  private void isolateLeader() throws Exception {
    TopicPartition tp = randomPartition();
    ChaosNode leader = leaderNode(tp);
    Set<Integer> others = runningExcept(leader.id());
    String fault = "partition {" + leader.id() + "} from " + others + " (leader of " + tp + ") for "
        + PARTITION.toSeconds() + " s";
    cluster.network().partition(Set.of(leader.id()), others);
    start(fault);
    TimeUnit.MILLISECONDS.sleep(PARTITION.toMillis());
    end(fault);
    cluster.network().heal();
  }

  /**
   * Isolates a leader with iptables DROP rules in every namespace involved; the fault fails unless the rules
   * dropped packets (a partition that did not take effect proves nothing).
   */
  private void firewallIsolateLeader() throws Exception {
    NetworkNamespaces namespaces = cluster.namespaces().orElseThrow(() -> new IllegalStateException(
        "FIREWALL_ISOLATE_LEADER needs the nodes in network namespaces"));
    TopicPartition tp = randomPartition();
    ChaosNode leader = leaderNode(tp);
    Set<Integer> others = runningExcept(leader.id());
    String fault = "iptables partition {" + leader.id() + "} from " + others + " (leader of " + tp + ") for "
        + PARTITION.toSeconds() + " s";
    namespaces.partition(Set.of(leader.id()), others);
    start(fault);
    TimeUnit.MILLISECONDS.sleep(PARTITION.toMillis());
    long dropped = namespaces.droppedPackets();
    end(fault);
    namespaces.heal();
    System.out.println("chaos: the firewall dropped " + dropped + " packets");
    if (dropped == 0) {
      throw new IllegalStateException(fault + " dropped no packet: the partition did not take effect");
    }
  }

  /** Kills a majority of one partition's replicas: its writes must stop until they are back. */
  private void killMajority() throws Exception {
    TopicPartition tp = randomPartition();
    PartitionGroupDescription d = cluster.describe(tp).orElseThrow();
    List<Integer> replicas = new ArrayList<>(d.replicas());
    java.util.Collections.shuffle(replicas, random);
    List<Integer> victims = replicas.subList(0, replicas.size() / 2 + 1);
    for (int id : victims) {
      cluster.node(id).kill();
    }
    String fault = "kill majority " + victims + " of " + tp;
    start(fault);
    long startTime = history.now();
    TimeUnit.MILLISECONDS.sleep(MAJORITY_DOWN.toMillis());
    long endTime = history.now();
    end(fault);
    majorityWindows.add(new MajorityWindow(fault, tp.partition(), startTime, endTime));
    for (int id : victims) {
      cluster.start(id, START_TIMEOUT);
    }
  }

  private void killAll() throws Exception {
    List<ChaosNode> nodes = running();
    String fault = "kill all nodes " + nodes.stream().map(ChaosNode::id).toList();
    start(fault);
    for (ChaosNode n : nodes) {
      n.kill();
    }
    end(fault);
    for (ChaosNode n : nodes) {
      n.start();
    }
    cluster.awaitAllReady(nodes, START_TIMEOUT);
  }

  private void killGroupMember() throws Exception {
    String victim = members.killOldest();
    String fault = "kill group member " + victim;
    start(fault);
    String replacement = members.start();
    end(fault);
    System.out.println("chaos: " + victim + " killed, " + replacement + " started");
  }

  private ChaosNode leaderNode(TopicPartition tp) {
    int leader = cluster.leaderOf(tp);
    if (leader < 0) {
      throw new IllegalStateException(tp + " has no leader before the fault; the run awaits health first");
    }
    return cluster.node(leader);
  }

  private ChaosNode followerNode(TopicPartition tp) {
    PartitionGroupDescription d = cluster.describe(tp).orElseThrow();
    List<Integer> followers = d.replicas().stream().filter(id -> id != d.leader()).toList();
    return cluster.node(followers.get(random.nextInt(followers.size())));
  }

  /** The ids of the running nodes other than {@code node}, in order. */
  private Set<Integer> runningExcept(int node) {
    return running().stream().map(ChaosNode::id).filter(id -> id != node)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private List<ChaosNode> running() {
    return cluster.nodes().stream().filter(ChaosNode::running).toList();
  }

  private TopicPartition chased() {
    if (chased == null) {
      chased = randomPartition();
    }
    return chased;
  }

  private TopicPartition randomPartition() {
    return new TopicPartition(topic, random.nextInt(partitions));
  }

  /** Waits (bounded) until the partition has a leader other than {@code old}. */
  private void awaitNewLeader(TopicPartition tp, int old) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      int now = cluster.leaderOf(tp);
      if (now >= 0 && now != old) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(100); // polling the cluster's answer
    }
    System.out.println("chaos: no new leader of " + tp + " within 30 s of killing node " + old);
  }

  private void start(String fault) {
    System.out.println("chaos: " + fault);
    history.record(t -> HistoryEvent.faultStart(t, fault));
    open = fault;
  }

  private void end(String fault) {
    history.record(t -> HistoryEvent.faultEnd(t, fault));
    open = null;
  }
}
