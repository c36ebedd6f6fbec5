package io.rafka.server.group;

import io.rafka.proto.CommitOffsetsRequest;
import io.rafka.proto.CommitOffsetsResponse;
import io.rafka.proto.CommittedOffset;
import io.rafka.proto.DescribeGroupRequest;
import io.rafka.proto.DescribeGroupResponse;
import io.rafka.proto.ErrorCode;
import io.rafka.proto.FetchOffsetsRequest;
import io.rafka.proto.FetchOffsetsResponse;
import io.rafka.proto.FindCoordinatorRequest;
import io.rafka.proto.FindCoordinatorResponse;
import io.rafka.proto.GroupHeartbeatRequest;
import io.rafka.proto.GroupHeartbeatResponse;
import io.rafka.proto.GroupListing;
import io.rafka.proto.GroupMemberDescription;
import io.rafka.proto.ListGroupsResponse;
import io.rafka.proto.ResetOffsetsRequest;
import io.rafka.proto.ResetOffsetsResponse;
import io.rafka.proto.TopicPartitions;
import io.rafka.proto.internal.GroupOffset;
import io.rafka.proto.internal.GroupUpdateCommand;
import io.rafka.proto.internal.OffsetCommitCommand;
import io.rafka.proto.internal.PartitionCommand;
import io.rafka.proto.internal.PartitionCommandResult;
import io.rafka.server.config.ServerConfig;
import io.rafka.server.errors.Errors;
import io.rafka.server.errors.ServerException;
import io.rafka.server.group.assign.Assignors;
import io.rafka.server.group.assign.TopicPartition;
import io.rafka.server.metadata.ClusterImage;
import io.rafka.server.metadata.TopicInfo;
import io.rafka.server.partition.PartitionId;
import io.rafka.server.raft.RaftNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coordinates the consumer groups whose __consumer_offsets partition this node leads: joins, heartbeats and
 * leaves; server-side assignment with the group's assignor; a partition moves to its new owner only once the
 * old owner has released it (or its session expired), so no two live members read it at once; members that
 * stop heartbeating are removed after their session timeout. Every membership change and every commit goes
 * through the partition's Raft group. Requests for one group are handled one at a time. Thread-safe.
 */
public final class GroupCoordinator {
  private static final Logger LOG = LoggerFactory.getLogger(GroupCoordinator.class);

  private final int nodeId;
  private final RaftNode raft;
  private final BiFunction<String, Integer, Optional<GroupStore>> stores;
  private final OffsetsTopic offsetsTopic;
  private final Clock clock;
  private final Duration timeout;
  private final long minSessionMs;
  private final long maxSessionMs;
  private final long heartbeatIntervalMs;
  private final MemberLiveness liveness = new MemberLiveness();
  private final Map<String, CompletableFuture<?>> queues = new ConcurrentHashMap<>();

  /**
   * @param stores the group store of a locally open partition of the current __consumer_offsets incarnation,
   *     by topic id and partition
   */
  public GroupCoordinator(ServerConfig config, RaftNode raft, BiFunction<String, Integer, Optional<GroupStore>> stores,
      OffsetsTopic offsetsTopic, Clock clock) {
    this.nodeId = config.nodeId();
    this.raft = raft;
    this.stores = stores;
    this.offsetsTopic = offsetsTopic;
    this.clock = clock;
    this.timeout = config.get(ServerConfig.ADMIN_TIMEOUT);
    this.minSessionMs = config.get(ServerConfig.GROUP_MIN_SESSION_TIMEOUT).toMillis();
    this.maxSessionMs = config.get(ServerConfig.GROUP_MAX_SESSION_TIMEOUT).toMillis();
    this.heartbeatIntervalMs = config.get(ServerConfig.GROUP_HEARTBEAT_INTERVAL).toMillis();
  }

  // ------------------------------------------------------------------ finding the coordinator

  public FindCoordinatorResponse findCoordinator(FindCoordinatorRequest request) {
    try {
      checkGroupId(request.getGroupId());
      ClusterImage image = raft.metadataImage();
      TopicInfo topic = offsetsTopic.getOrCreate(image).orElseThrow(() -> new ServerException(
          ErrorCode.COORDINATOR_NOT_AVAILABLE, "the __consumer_offsets topic is being created"));
      int partition = OffsetsTopic.partitionFor(request.getGroupId(), topic.partitions());
      OptionalInt local = raft.localLeader(topic.topicId(), partition);
      int leader = local.isPresent() ? local.getAsInt()
          : Optional.ofNullable(topic.leaders().get(partition)).map(l -> l.nodeId()).orElse(-1);
      if (leader < 0 || image.node(leader).isEmpty()) {
        throw new ServerException(ErrorCode.COORDINATOR_NOT_AVAILABLE, "no leader yet for "
            + OffsetsTopic.NAME + "-" + partition + ", which coordinates group " + request.getGroupId());
      }
      return FindCoordinatorResponse.newBuilder().setError(Errors.NONE).setNodeId(leader)
          .setAddress(image.node(leader).get().clientAddress()).build();
    } catch (ServerException e) {
      return FindCoordinatorResponse.newBuilder().setError(Errors.from(e)).build();
    }
  }

  /** The group's coordinator partition, if this node leads it now; else NOT_COORDINATOR or NOT_AVAILABLE. */
  private Coordinated coordinated(String groupId) {
    checkGroupId(groupId);
    ClusterImage image = raft.metadataImage();
    TopicInfo topic = image.topic(OffsetsTopic.NAME).orElseThrow(() -> new ServerException(
        ErrorCode.COORDINATOR_NOT_AVAILABLE, "the __consumer_offsets topic does not exist yet"));
    int partition = OffsetsTopic.partitionFor(groupId, topic.partitions());
    if (!raft.isLeaderReady(topic.topicId(), partition)) {
      throw new ServerException(ErrorCode.NOT_COORDINATOR, "node " + nodeId + " does not coordinate group "
          + groupId + " (it is not the ready leader of " + OffsetsTopic.NAME + "-" + partition + ")");
    }
    GroupStore store = stores.apply(topic.topicId(), partition).orElseThrow(() -> new ServerException(
        ErrorCode.COORDINATOR_NOT_AVAILABLE, "the replica of " + OffsetsTopic.NAME + "-" + partition
            + " on node " + nodeId + " is not open"));
    return new Coordinated(new PartitionId(topic.name(), topic.topicId(), partition), store, image);
  }

  private record Coordinated(PartitionId partition, GroupStore store, ClusterImage image) {}

  private static void checkGroupId(String groupId) {
    if (groupId.isEmpty() || groupId.length() > 255 || groupId.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new ServerException(ErrorCode.INVALID_GROUP_ID, "group id must be 1 to 255 printable characters");
    }
  }

  // ------------------------------------------------------------------ membership

  public CompletableFuture<GroupHeartbeatResponse> heartbeat(GroupHeartbeatRequest request) {
    return serially(request.getGroupId(), () -> {
      Coordinated c = coordinated(request.getGroupId());
      GroupState state = c.store.group(request.getGroupId())
          .orElse(GroupState.empty(request.getGroupId(), Assignors.DEFAULT.name()));
      if (request.getMemberEpoch() == 0) {
        return join(c, state, request);
      }
      if (request.getMemberEpoch() == -1) {
        return leave(c, state, request.getMemberId());
      }
      GroupMember member = state.members().get(request.getMemberId());
      if (member == null) {
        throw new ServerException(ErrorCode.UNKNOWN_MEMBER_ID, "member " + request.getMemberId()
            + " is not in group " + request.getGroupId() + " (it left or its session expired); rejoin");
      }
      // An older epoch only means the member missed a target change (two rebalances between its heartbeats);
      // it is told the current one. An epoch it was never given is not its own.
      if (!member.knowsEpoch(request.getMemberEpoch())) {
        throw new ServerException(ErrorCode.STALE_MEMBER_EPOCH, "member " + member.memberId() + " is at epoch "
            + member.memberEpoch() + ", not " + request.getMemberEpoch() + "; rejoin");
      }
      Set<TopicPartition> owned = owned(request.getOwnedList());
      liveness.heartbeat(state.groupId(), member.memberId(), System.nanoTime(), owned);
      List<String> topics = sorted(request.getSubscribedTopicsList());
      // The member sends the epoch whose grant it has reconciled; only a report at its current epoch can say
      // that it gave partitions up (an older one may predate taking a grant it has not reconciled yet).
      GroupMember acknowledged =
          request.getMemberEpoch() == member.memberEpoch() ? member.acknowledging(owned) : member;
      if (!topics.isEmpty() && !topics.equals(member.topics())) {
        Map<String, GroupMember> members = new TreeMap<>(state.members());
        members.put(member.memberId(), new GroupMember(member.memberId(), member.clientId(), topics,
            member.sessionTimeoutMs(), acknowledged.memberEpoch(), acknowledged.assignment(),
            acknowledged.previousEpoch(), acknowledged.previousAssignment()));
        return update(c, state, AssignmentPlanner.plan(state, state.assignor(), members, c.image))
            .thenApply(next -> answer(next, member.memberId()));
      }
      if (acknowledged != member) {
        // The member gave partitions up: from now on it may no longer commit them.
        Map<String, GroupMember> members = new TreeMap<>(state.members());
        members.put(member.memberId(), acknowledged);
        return update(c, state, state.next(state.assignor(), members))
            .thenApply(next -> answer(next, member.memberId()));
      }
      return CompletableFuture.completedFuture(answer(state, member.memberId()));
    }).exceptionally(e -> GroupHeartbeatResponse.newBuilder().setError(Errors.from(e)).build());
  }

  private CompletableFuture<GroupHeartbeatResponse> join(Coordinated c, GroupState state,
      GroupHeartbeatRequest request) {
    long session = request.getSessionTimeoutMs();
    if (session < minSessionMs || session > maxSessionMs) {
      throw new ServerException(ErrorCode.INVALID_GROUP_SETTINGS, "session timeout " + session
          + " ms is outside [" + minSessionMs + ", " + maxSessionMs + "] (group.min/max.session.timeout)");
    }
    String assignor = request.getAssignor().isEmpty() ? state.assignor() : request.getAssignor();
    try {
      Assignors.byName(assignor);
    } catch (IllegalArgumentException e) {
      throw new ServerException(ErrorCode.INVALID_GROUP_SETTINGS, e.getMessage());
    }
    String memberId = request.getMemberId().isEmpty() ? UUID.randomUUID().toString() : request.getMemberId();
    Map<String, GroupMember> members = new TreeMap<>(state.members());
    members.put(memberId, new GroupMember(memberId, request.getClientId(), sorted(request.getSubscribedTopicsList()),
        (int) session, 0, Set.of(), 0, Set.of()));
    liveness.heartbeat(state.groupId(), memberId, System.nanoTime(), Set.of());
    String effective = state.members().isEmpty() ? assignor : state.assignor();
    return update(c, state, AssignmentPlanner.plan(state, effective, members, c.image)).thenApply(next -> {
      LOG.info("[node={} group={}] member {} ({}) joined; epoch {}, {} members", nodeId, state.groupId(),
          memberId, request.getClientId(), next.epoch(), next.members().size());
      return answer(next, memberId);
    });
  }

  private CompletableFuture<GroupHeartbeatResponse> leave(Coordinated c, GroupState state, String memberId) {
    liveness.forget(state.groupId(), memberId);
    if (!state.members().containsKey(memberId)) {
      return CompletableFuture.completedFuture(GroupHeartbeatResponse.newBuilder().setError(Errors.NONE)
          .setMemberId(memberId).setMemberEpoch(-1).build());
    }
    Map<String, GroupMember> members = new TreeMap<>(state.members());
    members.remove(memberId);
    return update(c, state, AssignmentPlanner.plan(state, state.assignor(), members, c.image)).thenApply(next -> {
      LOG.info("[node={} group={}] member {} left; epoch {}", nodeId, state.groupId(), memberId, next.epoch());
      return GroupHeartbeatResponse.newBuilder().setError(Errors.NONE).setMemberId(memberId).setMemberEpoch(-1)
          .build();
    });
  }

  /** The heartbeat answer: the member's epoch and what it may own now. */
  private GroupHeartbeatResponse answer(GroupState state, String memberId) {
    GroupMember m = state.members().get(memberId);
    // A partition is granted only once no other member may hold it: the replicated "may own" sets, not the
    // heartbeats in this coordinator's memory, so a grant in flight or a coordinator failover cannot double it.
    Set<TopicPartition> heldByOthers = new HashSet<>();
    for (GroupMember other : state.members().values()) {
      if (!other.memberId().equals(memberId)) {
        heldByOthers.addAll(other.mayOwn());
      }
    }
    Set<TopicPartition> grant = new HashSet<>(m.assignment());
    grant.removeAll(heldByOthers);
    return GroupHeartbeatResponse.newBuilder().setError(Errors.NONE).setMemberId(memberId)
        .setMemberEpoch(m.memberEpoch()).setHeartbeatIntervalMs(heartbeatIntervalMs(m))
        .addAllAssignment(toProto(grant)).build();
  }

  private int heartbeatIntervalMs(GroupMember m) {
    return (int) Math.max(50, Math.min(heartbeatIntervalMs, m.sessionTimeoutMs() / 3));
  }

  /** Replicates the group's next state, conditional on nobody having changed it meanwhile. */
  private CompletableFuture<GroupState> update(Coordinated c, GroupState current, GroupState next) {
    PartitionCommand command = PartitionCommand.newBuilder().setGroupUpdate(GroupUpdateCommand.newBuilder()
        .setGroupId(current.groupId()).setExpectedEpoch(current.epoch())
        .setGroup(GroupCodec.toRecord(next, List.of()))).build();
    return raft.submit(c.partition, command, timeout).thenApply(result -> {
      check(result);
      return next;
    });
  }

  // ------------------------------------------------------------------ expiry and re-assignment

  /**
   * Removes members whose session expired and re-plans groups whose assignment no longer matches the topics
   * (a subscribed topic was created or deleted). Called periodically.
   */
  public void tick() {
    Set<String> coordinated = new HashSet<>();
    for (GroupStore store : coordinatedStores()) {
      for (String groupId : store.groupIds()) {
        coordinated.add(groupId);
        store.group(groupId).ifPresent(g -> checkGroup(groupId, g));
      }
    }
    liveness.retainOnly(coordinated);
  }

  /** The stores of the __consumer_offsets partitions this node leads (and so coordinates) now. */
  private List<GroupStore> coordinatedStores() {
    TopicInfo topic = raft.metadataImage().topic(OffsetsTopic.NAME).orElse(null);
    if (topic == null) {
      return List.of();
    }
    List<GroupStore> out = new ArrayList<>();
    for (int p = 0; p < topic.partitions(); p++) {
      if (raft.isLeaderReady(topic.topicId(), p)) {
        stores.apply(topic.topicId(), p).ifPresent(out::add);
      }
    }
    return out;
  }

  /** A group this node coordinates: its membership (empty when it has none) and committed offsets. */
  public record CoordinatedGroup(GroupState state, Map<TopicPartition, GroupOffset> offsets) {}

  /** Every group this node coordinates now. */
  public List<CoordinatedGroup> coordinatedGroups() {
    List<CoordinatedGroup> out = new ArrayList<>();
    for (GroupStore store : coordinatedStores()) {
      for (String id : store.groupIds()) {
        out.add(new CoordinatedGroup(store.group(id).orElse(GroupState.empty(id, "")), store.offsets(id)));
      }
    }
    return out;
  }

  private void checkGroup(String groupId, GroupState snapshot) {
    long now = System.nanoTime();
    boolean expired = snapshot.members().values().stream().anyMatch(m -> isExpired(groupId, m, now));
    if (!expired && !AssignmentPlanner.stale(snapshot, raft.metadataImage())) {
      return;
    }
    serially(groupId, () -> {
      Coordinated c = coordinated(groupId);
      GroupState state = c.store.group(groupId).orElse(null);
      if (state == null) {
        return CompletableFuture.completedFuture(null);
      }
      Map<String, GroupMember> members = new TreeMap<>(state.members());
      long at = System.nanoTime();
      members.values().removeIf(m -> isExpired(groupId, m, at));
      for (String id : state.members().keySet()) {
        if (!members.containsKey(id)) {
          liveness.forget(groupId, id);
          LOG.info("[node={} group={}] member {} expired (no heartbeat for {} ms)", nodeId, groupId, id,
              state.members().get(id).sessionTimeoutMs());
        }
      }
      return update(c, state, AssignmentPlanner.plan(state, state.assignor(), members, c.image));
    }).exceptionally(e -> {
      LOG.debug("[node={} group={}] expiry/re-plan failed, will retry: {}", nodeId, groupId, e.toString());
      return null;
    });
  }

  private boolean isExpired(String groupId, GroupMember m, long nowNanos) {
    return nowNanos - liveness.seen(groupId, m, nowNanos).atNanos()
        > TimeUnit.MILLISECONDS.toNanos(m.sessionTimeoutMs());
  }

  // ------------------------------------------------------------------ offsets

  public CompletableFuture<CommitOffsetsResponse> commit(CommitOffsetsRequest request) {
    return serially(request.getGroupId(), () -> {
      Coordinated c = coordinated(request.getGroupId());
      if (request.getOffsetsCount() == 0) {
        throw new ServerException(ErrorCode.INVALID_REQUEST, "a commit needs at least one offset");
      }
      return commitCommand(c, request.getGroupId(), request.getMemberId(), request.getMemberEpoch(),
          request.getOffsetsList(), false);
    }).thenApply(v -> CommitOffsetsResponse.newBuilder().setError(Errors.NONE).build())
        .exceptionally(e -> CommitOffsetsResponse.newBuilder().setError(Errors.from(e)).build());
  }

  public CompletableFuture<ResetOffsetsResponse> reset(ResetOffsetsRequest request) {
    return serially(request.getGroupId(), () -> {
      Coordinated c = coordinated(request.getGroupId());
      if (request.getOffsetsCount() == 0) {
        throw new ServerException(ErrorCode.INVALID_REQUEST, "a reset needs at least one offset");
      }
      return commitCommand(c, request.getGroupId(), "", -1, request.getOffsetsList(), true);
    }).thenApply(v -> ResetOffsetsResponse.newBuilder().setError(Errors.NONE).build())
        .exceptionally(e -> ResetOffsetsResponse.newBuilder().setError(Errors.from(e)).build());
  }

  private CompletableFuture<Void> commitCommand(Coordinated c, String groupId, String memberId, int memberEpoch,
      List<CommittedOffset> offsets, boolean reset) {
    OffsetCommitCommand.Builder b = OffsetCommitCommand.newBuilder().setGroupId(groupId).setMemberId(memberId)
        .setMemberEpoch(memberEpoch).setReset(reset).setCommitTimeMs(clock.millis());
    for (CommittedOffset o : offsets) {
      TopicInfo t = c.image.topic(o.getTopic()).orElseThrow(() -> new ServerException(
          ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, "topic '" + o.getTopic() + "' does not exist"));
      if (o.getPartition() < 0 || o.getPartition() >= t.partitions()) {
        throw new ServerException(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, "topic '" + o.getTopic() + "' has no partition "
            + o.getPartition());
      }
      if (o.getOffset() < 0) {
        throw new ServerException(ErrorCode.INVALID_COMMIT_OFFSET, "offset " + o.getOffset() + " for "
            + o.getTopic() + "-" + o.getPartition() + " is negative");
      }
      b.addOffsets(GroupOffset.newBuilder().setTopic(o.getTopic()).setPartition(o.getPartition())
          .setOffset(o.getOffset()).setMetadata(o.getMetadata()));
    }
    return raft.submit(c.partition, PartitionCommand.newBuilder().setOffsetCommit(b).build(), timeout)
        .thenAccept(GroupCoordinator::check);
  }

  public CompletableFuture<FetchOffsetsResponse> fetchOffsets(FetchOffsetsRequest request) {
    try {
      Coordinated c = coordinated(request.getGroupId());
      Set<TopicPartition> wanted = owned(request.getPartitionsList());
      FetchOffsetsResponse.Builder b = FetchOffsetsResponse.newBuilder().setError(Errors.NONE);
      c.store.offsets(request.getGroupId()).entrySet().stream()
          .filter(e -> wanted.isEmpty() || wanted.contains(e.getKey()))
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> b.addOffsets(toProto(e.getValue())));
      return CompletableFuture.completedFuture(b.build());
    } catch (ServerException e) {
      return CompletableFuture.completedFuture(FetchOffsetsResponse.newBuilder().setError(Errors.from(e)).build());
    }
  }

  // ------------------------------------------------------------------ admin views

  public ListGroupsResponse listGroups() {
    ListGroupsResponse.Builder b = ListGroupsResponse.newBuilder().setError(Errors.NONE);
    for (CoordinatedGroup g : coordinatedGroups()) {
      b.addGroups(GroupListing.newBuilder().setGroupId(g.state().groupId()).setState(stateName(g.state()))
          .setMembers(g.state().members().size()));
    }
    return b.build();
  }

  public DescribeGroupResponse describe(DescribeGroupRequest request) {
    try {
      Coordinated c = coordinated(request.getGroupId());
      GroupState g = c.store.group(request.getGroupId()).orElse(null);
      Map<TopicPartition, GroupOffset> offsets = c.store.offsets(request.getGroupId());
      if (g == null && offsets.isEmpty()) {
        throw new ServerException(ErrorCode.GROUP_ID_NOT_FOUND, "group " + request.getGroupId() + " does not exist");
      }
      g = g == null ? GroupState.empty(request.getGroupId(), "") : g;
      DescribeGroupResponse.Builder b = DescribeGroupResponse.newBuilder().setError(Errors.NONE)
          .setGroupId(g.groupId()).setState(stateName(g)).setGroupEpoch(g.epoch()).setAssignor(g.assignor())
          .setCoordinator(nodeId);
      for (GroupMember m : g.members().values()) {
        b.addMembers(GroupMemberDescription.newBuilder().setMemberId(m.memberId()).setClientId(m.clientId())
            .setMemberEpoch(m.memberEpoch()).addAllSubscribedTopics(m.topics())
            .addAllAssignment(toProto(m.assignment())));
      }
      offsets.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> b.addOffsets(toProto(e.getValue())));
      return b.build();
    } catch (ServerException e) {
      return DescribeGroupResponse.newBuilder().setError(Errors.from(e)).build();
    }
  }

  private String stateName(GroupState g) {
    if (g.members().isEmpty()) {
      return "Empty";
    }
    long now = System.nanoTime();
    boolean stable = g.members().values().stream()
        .allMatch(m -> liveness.seen(g.groupId(), m, now).owned().equals(m.assignment()));
    return stable ? "Stable" : "Reconciling";
  }

  // ------------------------------------------------------------------ helpers

  /** Runs {@code work} after every earlier request for the same group has finished. */
  private <T> CompletableFuture<T> serially(String groupId, java.util.function.Supplier<CompletableFuture<T>> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    CompletableFuture<?> previous = queues.put(groupId, result);
    CompletableFuture<?> start = previous == null ? CompletableFuture.completedFuture(null) : previous;
    start.handle((v, e) -> null).thenCompose(v -> {
      try {
        return work.get();
      } catch (RuntimeException e) {
        return CompletableFuture.<T>failedFuture(e);
      }
    }).whenComplete((v, e) -> {
      queues.remove(groupId, result);
      if (e != null) {
        result.completeExceptionally(e);
      } else {
        result.complete(v);
      }
    });
    return result;
  }

  private static void check(PartitionCommandResult result) {
    if (result.getError() != ErrorCode.NONE) {
      throw new ServerException(result.getError(), result.getMessage());
    }
  }

  private static List<String> sorted(Collection<String> topics) {
    return topics.stream().distinct().sorted().toList();
  }

  private static Set<TopicPartition> owned(List<TopicPartitions> list) {
    Set<TopicPartition> out = new HashSet<>();
    list.forEach(t -> t.getPartitionsList().forEach(p -> out.add(new TopicPartition(t.getTopic(), p))));
    return out;
  }

  private static List<TopicPartitions> toProto(Set<TopicPartition> set) {
    Map<String, List<Integer>> byTopic = new TreeMap<>();
    set.stream().sorted().forEach(tp -> byTopic.computeIfAbsent(tp.topic(), t -> new ArrayList<>()).add(tp.partition()));
    List<TopicPartitions> out = new ArrayList<>();
    byTopic.forEach((t, ps) -> out.add(TopicPartitions.newBuilder().setTopic(t).addAllPartitions(ps).build()));
    return out;
  }

  private static CommittedOffset toProto(GroupOffset o) {
    return CommittedOffset.newBuilder().setTopic(o.getTopic()).setPartition(o.getPartition()).setOffset(o.getOffset())
        .setMetadata(o.getMetadata()).build();
  }
}
