package io.rafka.server.group;

import io.rafka.proto.ClusterServiceGrpc;
import io.rafka.proto.DescribePositionsRequest;
import io.rafka.proto.DescribePositionsResponse;
import io.rafka.proto.ErrorCode;
import io.rafka.proto.PartitionPosition;
import io.rafka.proto.PositionQuery;
import io.rafka.proto.RecordTimestamp;
import io.rafka.proto.internal.GroupOffset;
import io.rafka.server.common.PeerChannels;
import io.rafka.server.group.GroupCoordinator.CoordinatedGroup;
import io.rafka.server.group.GroupLag.PartitionLag;
import io.rafka.server.group.assign.TopicPartition;
import io.rafka.server.metadata.ClusterImage;
import io.rafka.server.metadata.LeaderInfo;
import io.rafka.server.metadata.TopicInfo;
import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the lag of the groups this node coordinates. The committed offsets are here; the high watermarks
 * and record timestamps are on each partition's leader, so every round asks each leader once
 * (DescribePositions; this node's own leaders directly) for its end offsets and the timestamps of the records
 * at the committed offsets. A partition whose leader does not answer keeps its last measurement until one
 * does. Thread-safe: {@link #refresh} runs one round at a time; {@link #groups} reads the last complete one.
 */
public final class GroupLagMonitor implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(GroupLagMonitor.class);

  private final int nodeId;
  private final Supplier<List<CoordinatedGroup>> coordinated;
  private final Supplier<ClusterImage> image;
  private final BiFunction<TopicInfo, Integer, OptionalInt> leaders;
  private final LeaderPositions local;
  private final Duration timeout;
  private final PeerChannels channels = new PeerChannels();
  private volatile Map<String, GroupLag> groups = Map.of();

  /**
   * @param leaders the leader of a topic's partition as this node knows it best (its own replica's view, else
   *     the metadata's)
   */
  public GroupLagMonitor(int nodeId, Supplier<List<CoordinatedGroup>> coordinated, Supplier<ClusterImage> image,
      BiFunction<TopicInfo, Integer, OptionalInt> leaders, LeaderPositions local, Duration timeout) {
    this.nodeId = nodeId;
    this.coordinated = coordinated;
    this.image = image;
    this.leaders = leaders;
    this.local = local;
    this.timeout = timeout;
  }

  /** The groups this node coordinated at the last round, by id. */
  public Map<String, GroupLag> groups() {
    return groups;
  }

  /** One round: asks the leaders, waits for their answers (at most the timeout), publishes the result. */
  public synchronized void refresh() {
    List<CoordinatedGroup> now = coordinated.get();
    ClusterImage img = image.get();
    Map<Integer, Map<TopicPartition, PositionQuery.Builder>> byLeader = new HashMap<>();
    for (CoordinatedGroup g : now) {
      for (Map.Entry<TopicPartition, GroupOffset> e : g.offsets().entrySet()) {
        TopicPartition tp = e.getKey();
        TopicInfo topic = img.topic(tp.topic()).orElse(null);
        if (topic == null || tp.partition() >= topic.partitions()) {
          continue; // deleted, or shrunk: nothing to lag behind
        }
        OptionalInt leader = leaders.apply(topic, tp.partition());
        if (leader.isEmpty() || (leader.getAsInt() != nodeId && img.node(leader.getAsInt()).isEmpty())) {
          continue;
        }
        byLeader.computeIfAbsent(leader.getAsInt(), l -> new HashMap<>()).computeIfAbsent(tp,
            x -> PositionQuery.newBuilder().setTopic(topic.name()).setTopicId(topic.topicId())
                .setPartition(tp.partition())).addOffsets(e.getValue().getOffset());
      }
    }
    List<CompletableFuture<DescribePositionsResponse>> asks = new ArrayList<>();
    for (Map.Entry<Integer, Map<TopicPartition, PositionQuery.Builder>> e : byLeader.entrySet()) {
      DescribePositionsRequest.Builder request = DescribePositionsRequest.newBuilder();
      // One offset may be committed by many groups: ask for each once.
      e.getValue().values().forEach(q -> request.addPartitions(
          q.clone().clearOffsets().addAllOffsets(new TreeSet<>(q.getOffsetsList()))));
      asks.add(ask(e.getKey(), img, request.build()).exceptionally(t -> {
        LOG.debug("[node={}] positions from node {} not known this round: {}", nodeId, e.getKey(), t.toString());
        return DescribePositionsResponse.getDefaultInstance();
      }));
    }
    CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new)).join();
    Map<TopicPartition, PartitionPosition> positions = new HashMap<>();
    for (CompletableFuture<DescribePositionsResponse> ask : asks) {
      for (PartitionPosition p : ask.join().getPartitionsList()) {
        if (p.getError().getCode() == ErrorCode.NONE) {
          positions.put(new TopicPartition(p.getTopic(), p.getPartition()), p);
        }
      }
    }
    groups = measure(now, positions, groups);
  }

  /** Each group's lag from this round's answers, falling back to the last round's for partitions unanswered. */
  static Map<String, GroupLag> measure(List<CoordinatedGroup> coordinated,
      Map<TopicPartition, PartitionPosition> positions, Map<String, GroupLag> previous) {
    Map<String, GroupLag> out = new HashMap<>();
    for (CoordinatedGroup g : coordinated) {
      String id = g.state().groupId();
      Map<TopicPartition, PartitionLag> lags = new HashMap<>();
      for (Map.Entry<TopicPartition, GroupOffset> e : g.offsets().entrySet()) {
        long committed = e.getValue().getOffset();
        PartitionPosition p = positions.get(e.getKey());
        if (p != null) {
          OptionalLong ts = OptionalLong.empty();
          for (RecordTimestamp t : p.getTimestampsList()) {
            if (t.getOffset() == committed) {
              ts = OptionalLong.of(t.getTimestampMs());
            }
          }
          lags.put(e.getKey(), new PartitionLag(committed, p.getLogEndOffset(), ts));
        } else {
          GroupLag before = previous.get(id);
          PartitionLag last = before == null ? null : before.lags().get(e.getKey());
          if (last != null && last.committedOffset() == committed) {
            lags.put(e.getKey(), last);
          }
        }
      }
      out.put(id, GroupLag.of(id, g.state().members().size(), g.state().epoch(), lags));
    }
    return Map.copyOf(out);
  }

  private CompletableFuture<DescribePositionsResponse> ask(int leader, ClusterImage img,
      DescribePositionsRequest request) {
    if (leader == nodeId) {
      return CompletableFuture.completedFuture(local.describe(request));
    }
    String address = img.node(leader).orElseThrow().clientAddress();
    return PeerChannels.completable(ClusterServiceGrpc.newFutureStub(channels.to(address))
        .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS).describePositions(request));
  }

  @Override
  public void close() {
    channels.close();
  }

  /** A partition's leader as the metadata records it. */
  public static OptionalInt recordedLeader(TopicInfo topic, int partition) {
    LeaderInfo l = topic.leaders().get(partition);
    return l == null ? OptionalInt.empty() : OptionalInt.of(l.nodeId());
  }
}
