package io.rafka.client.consumer.internals;

import io.rafka.client.errors.CommitFailedException;
import io.rafka.client.errors.RafkaException;
import io.rafka.client.internals.Calls;
import io.rafka.client.internals.CoordinatorClient;
import io.rafka.client.internals.MetadataCache;
import io.rafka.common.TopicPartition;
import io.rafka.proto.GroupHeartbeatRequest;
import io.rafka.proto.GroupHeartbeatResponse;
import io.rafka.proto.TopicPartitions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer's membership in its group, kept alive by its own heartbeat thread so that a slow poll loop
 * does not lose the session: joins, heartbeats with the partitions the consumer owns, and keeps the
 * assignment the coordinator last granted. Fenced (session expired, stale epoch) it rejoins and flags its
 * partitions as lost. Thread-safe: the heartbeat thread and the consumer's thread share it.
 */
public final class GroupMembership implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GroupMembership.class);

  /** What the coordinator last granted, at a member epoch. */
  public record Grant(int memberEpoch, Set<TopicPartition> partitions) {}

  private final CoordinatorClient coordinator;
  private final String clientId;
  private final int sessionTimeoutMs;
  private final String assignor;
  private final long requestTimeoutNanos;
  private final Thread thread;
  private Set<String> topics;
  private String memberId = "";
  private int memberEpoch;
  private Grant grant = new Grant(0, Set.of());
  private Set<TopicPartition> owned = Set.of();
  private int ownedEpoch;
  private boolean lost;
  private long intervalMs = 500;
  private boolean nudged;
  private volatile boolean running = true;

  public GroupMembership(CoordinatorClient coordinator, String clientId, Set<String> topics, int sessionTimeoutMs,
      String assignor, long requestTimeoutMs) {
    this.coordinator = coordinator;
    this.clientId = clientId;
    this.topics = Set.copyOf(topics);
    this.sessionTimeoutMs = sessionTimeoutMs;
    this.assignor = assignor;
    this.requestTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(Math.min(requestTimeoutMs, sessionTimeoutMs));
    this.thread = new Thread(this::run, "rafka-consumer-" + clientId + "-heartbeat");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  public synchronized Grant grant() {
    return grant;
  }

  public synchronized int memberEpoch() {
    return memberEpoch;
  }

  public synchronized String memberId() {
    return memberId;
  }

  /** True once after the group fenced this member: what it owned is lost. */
  public synchronized boolean takeLost() {
    boolean was = lost;
    lost = false;
    return was;
  }

  /**
   * Tells the coordinator (on the next heartbeat, sent at once) what the consumer owns after reconciling the
   * grant of {@code epoch}: heartbeats carry that epoch, so the coordinator knows which grants the report covers.
   */
  public synchronized void reportOwned(Set<TopicPartition> partitions, int epoch) {
    owned = Set.copyOf(partitions);
    ownedEpoch = epoch;
    nudge();
  }

  public synchronized void subscribe(Set<String> newTopics) {
    topics = Set.copyOf(newTopics);
    nudge();
  }

  private synchronized void nudge() {
    nudged = true;
    notifyAll();
  }

  private void run() {
    while (running) {
      GroupHeartbeatRequest request = request(0);
      try {
        GroupHeartbeatResponse r = coordinator.call((stub, q) -> Calls.unary(stub::heartbeat, q, "heartbeat"), request,
            GroupHeartbeatResponse::getError, System.nanoTime() + requestTimeoutNanos).get();
        accept(r);
      } catch (InterruptedException e) {
        return;
      } catch (java.util.concurrent.ExecutionException e) {
        RafkaException failure = MetadataCache.unwrap(e);
        if (failure instanceof CommitFailedException) {
          fenced(failure);
        } else if (running) {
          LOG.debug("heartbeat of group {} failed: {}", coordinator.groupId(), failure.getMessage());
        }
      } catch (RuntimeException e) {
        // Never let the heartbeat thread die: a dead heartbeat means a silently expired member.
        LOG.warn("heartbeat of group {} failed unexpectedly", coordinator.groupId(), e);
      }
      waitForNextBeat();
    }
  }

  private synchronized GroupHeartbeatRequest request(int epochOverride) {
    Map<String, List<Integer>> byTopic = new TreeMap<>();
    new TreeSet<>(owned).forEach(tp -> byTopic.computeIfAbsent(tp.topic(), t -> new ArrayList<>()).add(tp.partition()));
    GroupHeartbeatRequest.Builder b = GroupHeartbeatRequest.newBuilder().setGroupId(coordinator.groupId())
        .setMemberId(memberId).setMemberEpoch(epochOverride != 0 ? epochOverride
            : ownedEpoch > 0 ? ownedEpoch : memberEpoch)
        .setClientId(clientId).addAllSubscribedTopics(new TreeSet<>(topics)).setSessionTimeoutMs(sessionTimeoutMs)
        .setAssignor(assignor);
    byTopic.forEach((t, ps) -> b.addOwned(TopicPartitions.newBuilder().setTopic(t).addAllPartitions(ps)));
    return b.build();
  }

  private synchronized void accept(GroupHeartbeatResponse r) {
    if (memberEpoch == 0) {
      LOG.info("joined group {} as member {} at epoch {}", coordinator.groupId(), r.getMemberId(), r.getMemberEpoch());
    }
    memberId = r.getMemberId();
    memberEpoch = r.getMemberEpoch();
    intervalMs = r.getHeartbeatIntervalMs() > 0 ? r.getHeartbeatIntervalMs() : intervalMs;
    Set<TopicPartition> granted = new HashSet<>();
    r.getAssignmentList().forEach(t -> t.getPartitionsList().forEach(p -> granted.add(new TopicPartition(t.getTopic(), p))));
    grant = new Grant(memberEpoch, Set.copyOf(granted));
  }

  private synchronized void fenced(RafkaException e) {
    LOG.warn("member {} of group {} was fenced ({}); rejoining", memberId, coordinator.groupId(), e.getMessage());
    if (e.code() == io.rafka.proto.ErrorCode.UNKNOWN_MEMBER_ID) {
      memberId = "";
    }
    memberEpoch = 0;
    ownedEpoch = 0;
    grant = new Grant(0, Set.of());
    lost = !owned.isEmpty();
  }

  private synchronized void waitForNextBeat() {
    long deadline = System.currentTimeMillis() + intervalMs;
    while (running && !nudged) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        break;
      }
      try {
        wait(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    nudged = false;
  }

  /** Stops heartbeating and tells the coordinator this member leaves (its partitions move at once). */
  @Override
  public void close() {
    synchronized (this) {
      running = false;
      notifyAll();
    }
    thread.interrupt();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String id = memberId();
    if (!id.isEmpty()) {
      try {
        coordinator.call((stub, q) -> Calls.unary(stub::heartbeat, q, "leave"), request(-1),
            GroupHeartbeatResponse::getError, System.nanoTime() + requestTimeoutNanos).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (java.util.concurrent.ExecutionException e) {
        LOG.debug("leaving group {} failed: {}", coordinator.groupId(), e.getCause().toString());
      }
    }
  }
}
