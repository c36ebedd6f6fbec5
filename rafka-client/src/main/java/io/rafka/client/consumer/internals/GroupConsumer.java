package io.rafka.client.consumer.internals;

import com.codahale.metrics.Timer;
import io.rafka.client.CommonClientConfigs;
import io.rafka.client.consumer.ConsumerConfig;
import io.rafka.client.consumer.ConsumerRebalanceListener;
import io.rafka.client.consumer.OffsetAndMetadata;
import io.rafka.client.errors.RafkaException;
import io.rafka.client.errors.RetriableException;
import io.rafka.client.internals.Backoff;
import io.rafka.client.internals.Calls;
import io.rafka.client.internals.Channels;
import io.rafka.client.internals.CoordinatorClient;
import io.rafka.client.internals.MetadataCache;
import io.rafka.common.TopicPartition;
import io.rafka.common.config.ConfigValues;
import io.rafka.proto.CommitOffsetsRequest;
import io.rafka.proto.CommitOffsetsResponse;
import io.rafka.proto.CommittedOffset;
import io.rafka.proto.FetchOffsetsRequest;
import io.rafka.proto.FetchOffsetsResponse;
import io.rafka.proto.TopicPartitions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The group side of a consumer: subscribes through a {@link GroupMembership}, turns the coordinator's grants
 * into the fetcher's assignment (revoking first, committing what was consumed, then taking new partitions at
 * their committed offsets), and commits offsets. Not thread-safe: used from the consumer's thread; the
 * membership it owns runs its own heartbeat thread.
 */
public final class GroupConsumer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GroupConsumer.class);

  private final String groupId;
  private final String clientId;
  private final CoordinatorClient coordinator;
  private final int sessionTimeoutMs;
  private final String assignor;
  private final long requestTimeoutMs;
  private final boolean autoCommit;
  private final long autoCommitIntervalNanos;
  private GroupMembership membership;
  private ConsumerRebalanceListener listener = ConsumerRebalanceListener.NONE;
  private Set<TopicPartition> owned = new HashSet<>();
  private int ownedEpoch;
  private long nextAutoCommitNanos;
  private final ConsumerMetrics metrics;

  public GroupConsumer(ConfigValues config, String clientId, MetadataCache metadata, Channels channels,
      ConsumerMetrics metrics) {
    this.metrics = metrics;
    this.groupId = config.get(ConsumerConfig.GROUP_ID);
    this.clientId = clientId;
    this.requestTimeoutMs = config.get(CommonClientConfigs.REQUEST_TIMEOUT_MS);
    this.coordinator = groupId.isEmpty() ? null : new CoordinatorClient(groupId, metadata, channels,
        Duration.ofMillis(requestTimeoutMs), new Backoff(config.get(CommonClientConfigs.RETRY_BACKOFF_MS),
        config.get(CommonClientConfigs.RETRY_BACKOFF_MAX_MS)));
    this.sessionTimeoutMs = config.get(ConsumerConfig.SESSION_TIMEOUT_MS);
    this.assignor = config.get(ConsumerConfig.GROUP_REMOTE_ASSIGNOR);
    this.autoCommit = config.get(ConsumerConfig.ENABLE_AUTO_COMMIT) && !groupId.isEmpty();
    this.autoCommitIntervalNanos = TimeUnit.MILLISECONDS.toNanos(config.get(ConsumerConfig.AUTO_COMMIT_INTERVAL_MS));
    this.nextAutoCommitNanos = System.nanoTime() + autoCommitIntervalNanos;
  }

  public boolean hasGroup() {
    return coordinator != null;
  }

  public boolean subscribed() {
    return membership != null;
  }

  private void requireGroup(String what) {
    if (coordinator == null) {
      throw new IllegalStateException(what + " needs a group: set group.id");
    }
  }

  public void subscribe(Set<String> topics, ConsumerRebalanceListener newListener) {
    requireGroup("subscribe()");
    listener = newListener == null ? ConsumerRebalanceListener.NONE : newListener;
    if (membership == null) {
      membership = new GroupMembership(coordinator, clientId, topics, sessionTimeoutMs, assignor, requestTimeoutMs);
    } else {
      membership.subscribe(topics);
    }
  }

  /** Gives up every partition (committing first when auto-commit is on) and leaves the group. */
  public void unsubscribe(Fetcher fetcher) {
    if (membership == null) {
      return;
    }
    revoke(fetcher, new HashSet<>(owned));
    membership.close();
    membership = null;
    owned = new HashSet<>();
  }

  /** Applies the coordinator's latest grant to the fetcher. Called by every poll. */
  public void reconcile(Fetcher fetcher) {
    if (membership == null) {
      return;
    }
    if (membership.takeLost()) {
      Set<TopicPartition> lost = new HashSet<>(owned);
      owned.clear();
      fetcher.assign(owned);
      membership.reportOwned(owned, 0);
      listener.onPartitionsLost(lost);
    }
    GroupMembership.Grant grant = membership.grant();
    if (grant.memberEpoch() == 0) {
      return; // not (re)joined yet
    }
    Set<TopicPartition> revoked = new HashSet<>(owned);
    revoked.removeAll(grant.partitions());
    if (!revoked.isEmpty()) {
      revoke(fetcher, revoked);
    }
    Set<TopicPartition> added = new HashSet<>(grant.partitions());
    added.removeAll(owned);
    if (!added.isEmpty()) {
      Map<TopicPartition, OffsetAndMetadata> committed;
      try {
        committed = committed(added, Duration.ofMillis(requestTimeoutMs));
      } catch (RetriableException e) {
        // Not taking the partitions yet is always safe: the next poll tries again (the coordinator may be moving).
        LOG.info("group {}: committed offsets of {} not readable yet: {}", groupId, added, e.getMessage());
        added.clear();
        committed = Map.of();
      }
      if (!added.isEmpty()) {
        owned.addAll(added);
        fetcher.assign(owned);
        committed.forEach((tp, o) -> fetcher.seek(tp, o.offset()));
        LOG.info("group {}: assigned {} (epoch {})", groupId, added, grant.memberEpoch());
      }
    }
    if (!revoked.isEmpty() || !added.isEmpty()) {
      metrics.rebalances.mark();
    }
    if (!revoked.isEmpty() || !added.isEmpty() || ownedEpoch != grant.memberEpoch()) {
      ownedEpoch = grant.memberEpoch();
      membership.reportOwned(owned, ownedEpoch);
    }
    if (!added.isEmpty()) {
      listener.onPartitionsAssigned(added);
    }
  }

  private void revoke(Fetcher fetcher, Set<TopicPartition> revoked) {
    if (autoCommit) {
      Map<TopicPartition, OffsetAndMetadata> positions = positions(fetcher, revoked);
      if (!positions.isEmpty()) {
        try {
          commitSync(positions, Duration.ofMillis(requestTimeoutMs));
        } catch (RafkaException e) {
          LOG.warn("group {}: commit before giving up {} failed: {}", groupId, revoked, e.getMessage());
        }
      }
    }
    listener.onPartitionsRevoked(revoked);
    owned.removeAll(revoked);
    fetcher.assign(owned);
    LOG.info("group {}: revoked {}", groupId, revoked);
  }

  /** Commits the positions of every owned partition when auto-commit is due. */
  public void maybeAutoCommit(Fetcher fetcher) {
    if (!autoCommit || System.nanoTime() < nextAutoCommitNanos) {
      return;
    }
    nextAutoCommitNanos = System.nanoTime() + autoCommitIntervalNanos;
    Map<TopicPartition, OffsetAndMetadata> positions = positions(fetcher, fetcher.assignment());
    if (!positions.isEmpty()) {
      commitAsync(positions).whenComplete((v, e) -> {
        if (e != null) {
          LOG.warn("group {}: auto-commit failed: {}", groupId, MetadataCache.unwrap(e).getMessage());
        }
      });
    }
  }

  /** Commits at close when auto-commit is on. */
  public void commitOnClose(Fetcher fetcher) {
    if (autoCommit) {
      Map<TopicPartition, OffsetAndMetadata> positions = positions(fetcher, fetcher.assignment());
      if (!positions.isEmpty()) {
        try {
          commitSync(positions, Duration.ofMillis(requestTimeoutMs));
        } catch (RafkaException e) {
          LOG.warn("group {}: commit at close failed: {}", groupId, e.getMessage());
        }
      }
    }
  }

  public static Map<TopicPartition, OffsetAndMetadata> positions(Fetcher fetcher, Collection<TopicPartition> of) {
    Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
    Map<TopicPartition, Long> known = fetcher.knownPositions();
    of.forEach(tp -> {
      Long p = known.get(tp);
      if (p != null) {
        out.put(tp, new OffsetAndMetadata(p));
      }
    });
    return out;
  }

  public void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets, Duration timeout) {
    try {
      commit(offsets, timeout).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RafkaException("interrupted while committing", e);
    } catch (ExecutionException e) {
      throw MetadataCache.unwrap(e);
    }
  }

  public CompletableFuture<Void> commitAsync(Map<TopicPartition, OffsetAndMetadata> offsets) {
    return commit(offsets, Duration.ofMillis(requestTimeoutMs));
  }

  private CompletableFuture<Void> commit(Map<TopicPartition, OffsetAndMetadata> offsets, Duration timeout) {
    requireGroup("committing offsets");
    if (offsets.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    CommitOffsetsRequest.Builder b = CommitOffsetsRequest.newBuilder().setGroupId(groupId);
    if (membership != null) {
      b.setMemberId(membership.memberId()).setMemberEpoch(ownedEpoch);
    } else {
      b.setMemberEpoch(-1);
    }
    new TreeMap<>(offsets).forEach((tp, o) -> b.addOffsets(CommittedOffset.newBuilder()
        .setTopic(tp.topic()).setPartition(tp.partition()).setOffset(o.offset()).setMetadata(o.metadata())));
    Timer.Context timing = metrics.commitLatency.time();
    return coordinator.call((stub, q) -> Calls.unary(stub::commitOffsets, q, "commitOffsets"), b.build(),
        CommitOffsetsResponse::getError, System.nanoTime() + timeout.toNanos()).whenComplete((r, e) -> {
          timing.stop();
          if (e != null) {
            metrics.commitErrors.mark();
          }
        }).thenApply(r -> null);
  }

  public Map<TopicPartition, OffsetAndMetadata> committed(Set<TopicPartition> partitions, Duration timeout) {
    requireGroup("committed()");
    Map<String, List<Integer>> byTopic = new TreeMap<>();
    partitions.forEach(tp -> byTopic.computeIfAbsent(tp.topic(), t -> new ArrayList<>()).add(tp.partition()));
    FetchOffsetsRequest.Builder b = FetchOffsetsRequest.newBuilder().setGroupId(groupId);
    byTopic.forEach((t, ps) -> b.addPartitions(TopicPartitions.newBuilder().setTopic(t).addAllPartitions(ps)));
    try {
      FetchOffsetsResponse r = coordinator.call((stub, q) -> Calls.unary(stub::fetchOffsets, q, "fetchOffsets"),
          b.build(), FetchOffsetsResponse::getError, System.nanoTime() + timeout.toNanos()).get();
      Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
      for (CommittedOffset o : r.getOffsetsList()) {
        TopicPartition tp = new TopicPartition(o.getTopic(), o.getPartition());
        if (partitions.contains(tp)) {
          out.put(tp, new OffsetAndMetadata(o.getOffset(), o.getMetadata()));
        }
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RafkaException("interrupted while reading committed offsets", e);
    } catch (ExecutionException e) {
      throw MetadataCache.unwrap(e);
    }
  }

  @Override
  public void close() {
    if (membership != null) {
      membership.close();
    }
    if (coordinator != null) {
      coordinator.close();
    }
  }
}
