package io.rafka.client.admin;

import io.rafka.client.CommonClientConfigs;
import io.rafka.client.errors.ServerErrors;
import io.rafka.client.internals.AnyNodeCaller;
import io.rafka.client.internals.Backoff;
import io.rafka.client.internals.Calls;
import io.rafka.client.internals.Channels;
import io.rafka.client.internals.ClusterCalls;
import io.rafka.client.internals.ClusterResponses;
import io.rafka.client.internals.CoordinatorClient;
import io.rafka.client.internals.MetadataCache;
import io.rafka.client.internals.OffsetLookup;
import io.rafka.common.TopicPartition;
import io.rafka.common.config.ConfigValues;
import io.rafka.proto.AdminServiceGrpc;
import io.rafka.proto.CommittedOffset;
import io.rafka.proto.DescribeGroupRequest;
import io.rafka.proto.DescribeGroupResponse;
import io.rafka.proto.GroupMemberDescription;
import io.rafka.proto.GroupServiceGrpc;
import io.rafka.proto.ListGroupsRequest;
import io.rafka.proto.ListGroupsResponse;
import io.rafka.proto.ResetOffsetsRequest;
import io.rafka.proto.ResetOffsetsResponse;
import io.rafka.proto.CreateTopicRequest;
import io.rafka.proto.DeleteTopicRequest;
import io.rafka.proto.DescribeTopicRequest;
import io.rafka.proto.DescribeTopicResponse;
import io.rafka.proto.Error;
import io.rafka.proto.ErrorCode;
import io.rafka.proto.ListTopicsRequest;
import io.rafka.proto.MetadataRequest;
import io.rafka.proto.MetadataServiceGrpc;
import io.rafka.proto.PartitionMetadata;
import io.rafka.proto.PartitionOffsets;
import io.rafka.proto.TopicMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Administers topics and reads cluster state. Every call returns a future that fails with a
 * {@link io.rafka.client.errors.RafkaException}: fatal errors (an existing topic, a bad name) at once,
 * transient ones (a node gone, metadata group electing) after retrying other nodes until
 * {@code request.timeout.ms}. Thread-safe; close it when done.
 */
public final class RafkaAdmin implements AutoCloseable {
  private final Channels channels;
  private final MetadataCache metadata;
  private final Duration timeout;
  private final Backoff backoff;
  private final AnyNodeCaller anyNode;
  private final OffsetLookup offsets;
  private final ClusterCalls cluster;

  private RafkaAdmin(ConfigValues config) {
    this.channels = new Channels(config.get(CommonClientConfigs.MAX_RESPONSE_BYTES));
    this.timeout = Duration.ofMillis(config.get(CommonClientConfigs.REQUEST_TIMEOUT_MS));
    this.metadata = new MetadataCache(config.get(CommonClientConfigs.BOOTSTRAP_SERVERS), channels, timeout);
    this.backoff = new Backoff(config.get(CommonClientConfigs.RETRY_BACKOFF_MS),
        config.get(CommonClientConfigs.RETRY_BACKOFF_MAX_MS));
    this.offsets = new OffsetLookup(metadata, channels, timeout);
    this.anyNode = new AnyNodeCaller(metadata, backoff, "rafka-admin-retry");
    this.cluster = new ClusterCalls(channels, metadata, anyNode, timeout);
  }

  /** An admin client; {@code bootstrap.servers} is required. */
  public static RafkaAdmin create(Map<String, ?> props) {
    return new RafkaAdmin(AdminConfig.parse(props));
  }

  /** Creates a topic; completes when every partition has a leader (or the server's wait ran out). */
  public CompletableFuture<TopicDescription> createTopic(NewTopic topic) {
    CreateTopicRequest.Builder b = CreateTopicRequest.newBuilder().setName(topic.name())
        .putAllConfigs(topic.configs()).setTimeoutMs((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    topic.partitions().ifPresent(b::setPartitions);
    topic.replicationFactor().ifPresent(b::setReplicationFactor);
    CreateTopicRequest request = b.build();
    return call((stub, r) -> Calls.unary(stub::createTopic, r, "createTopic"), request,
        r -> check(r.getError(), () -> describe(r.getTopic(), List.of())));
  }

  /** Deletes a topic and its data. */
  public CompletableFuture<Void> deleteTopic(String name) {
    return call((stub, r) -> Calls.unary(stub::deleteTopic, r, "deleteTopic"),
        DeleteTopicRequest.newBuilder().setName(name).build(), r -> check(r.getError(), () -> null));
  }

  /** The names of every topic. */
  public CompletableFuture<List<String>> listTopics() {
    return call((stub, r) -> Calls.unary(stub::listTopics, r, "listTopics"), ListTopicsRequest.getDefaultInstance(),
        r -> check(r.getError(), () -> List.copyOf(r.getNamesList())));
  }

  /** The topic's partitions, leaders and replicas, with offsets as seen by the node that answers. */
  public CompletableFuture<TopicDescription> describeTopic(String name) {
    return call((stub, r) -> Calls.unary(stub::describeTopic, r, "describeTopic"),
        DescribeTopicRequest.newBuilder().setName(name).build(),
        (DescribeTopicResponse r) -> check(r.getError(), () -> describe(r.getTopic(), r.getOffsetsList())));
  }

  /** The cluster's members as the metadata lists them; {@link #describeClusterStatus()} tells more. */
  public CompletableFuture<ClusterDescription> describeCluster() {
    return anyNode.call(address -> Calls.unary(MetadataServiceGrpc.newStub(channels.get(address))
            .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)::getMetadata,
        MetadataRequest.getDefaultInstance(), address).thenApply(r -> check(r.getError(), () -> {
          List<NodeDescription> nodes = new ArrayList<>();
          r.getNodesList().forEach(n -> nodes.add(new NodeDescription(n.getNodeId(), n.getClientAddress(),
              n.getMetadataVoter(), ClusterResponses.state(n.getState()), n.getDownSinceMs())));
          return new ClusterDescription(r.getMetadataEpoch(), r.getRespondingNode(), nodes);
        })), System.nanoTime() + timeout.toNanos());
  }

  // ---------------------------------------------------------------- cluster and Raft-group membership
  //
  // Any node answers these. A refused change (UnknownNodeException, InvalidMembershipChangeException,
  // ReassignmentInProgressException) changed nothing. Changes the server waits for are given the request
  // timeout; the server is told to give up a little earlier, so that its answer arrives first.

  /**
   * The nodes with their state, liveness and load, the ring and metadata epochs, and the partitions that are
   * under-replicated, without a leader, or moving.
   */
  public CompletableFuture<ClusterStatus> describeClusterStatus() {
    return cluster.describeCluster();
  }

  /**
   * Drains a node: it leaves the hash ring, its replicas move to where the ring without it puts them (each new
   * replica caught up before the old one goes), and it is removed from the cluster once it holds none. Completes
   * when the drain has started.
   *
   * @throws io.rafka.client.errors.UnknownNodeException (through the future) for a node id the cluster does not
   *     know
   * @throws io.rafka.client.errors.InvalidMembershipChangeException (through the future) when draining it would
   *     leave the cluster unsafe
   */
  public CompletableFuture<MembershipChange> decommissionNode(int nodeId) {
    return cluster.decommissionNode(nodeId);
  }

  /**
   * Removes a node that holds no replicas; with {@code force}, a dead node that still holds some, which are
   * then re-placed from the surviving replicas. A live node is never removed with {@code force}.
   */
  public CompletableFuture<MembershipChange> removeNode(int nodeId, boolean force) {
    return cluster.removeNode(nodeId, force);
  }

  /**
   * Which partitions adding a node to the hash ring would move, and how many bytes; with {@code apply}, adds
   * it. Applying needs the node registered (started with {@code ring.auto.join=false}).
   */
  public CompletableFuture<ReassignmentPlan> planAddNode(int nodeId, boolean apply) {
    return cluster.planAddNode(nodeId, apply);
  }

  /**
   * Which partitions taking a node out of the hash ring would move, and how many bytes; with {@code apply},
   * decommissions it.
   */
  public CompletableFuture<ReassignmentPlan> planRemoveNode(int nodeId, boolean apply) {
    return cluster.planRemoveNode(nodeId, apply);
  }

  /** A partition's Raft group: its configuration, leader and term, and each replica's indexes and lag. */
  public CompletableFuture<PartitionGroupDescription> describePartitionGroup(TopicPartition partition) {
    return cluster.describePartition(partition);
  }

  /**
   * Adds a replica of the partition on a node, last in leader preference: an explicit override of the hash
   * ring, recorded in metadata. Completes once the new replica has caught up and joined the group.
   */
  public CompletableFuture<PartitionReplicas> addReplica(TopicPartition partition, int nodeId) {
    return cluster.addReplica(partition, nodeId);
  }

  /** Removes a node's replica of the partition (an override of the hash ring); completes once it is gone. */
  public CompletableFuture<PartitionReplicas> removeReplica(TopicPartition partition, int nodeId) {
    return cluster.removeReplica(partition, nodeId);
  }

  /**
   * Makes a node's replica the partition's preferred leader (an override of the hash ring) and moves
   * leadership to it; completes once it leads.
   */
  public CompletableFuture<PartitionReplicas> transferLeader(TopicPartition partition, int nodeId) {
    return cluster.transferLeader(partition, nodeId);
  }

  /**
   * Moves the leadership of the given partitions (every partition when empty) to their preferred replicas.
   * Lists only the partitions whose leader was not the preferred one, each with its own outcome: one
   * partition's failure does not fail the future.
   */
  public CompletableFuture<List<ElectionResult>> electPreferredLeaders(Collection<TopicPartition> partitions) {
    return cluster.electPreferredLeaders(partitions);
  }

  /**
   * The metadata group's voters and listeners, its leader, term and commit index, and when the leader last
   * heard from each peer.
   */
  public CompletableFuture<MetadataQuorum> describeMetadataQuorum() {
    return cluster.describeMetadataQuorum();
  }

  /** Promotes a registered node (a listener of the metadata group) to voter; returns the voters after. */
  public CompletableFuture<List<Integer>> addMetadataVoter(int nodeId) {
    return cluster.addMetadataVoter(nodeId);
  }

  /** Demotes a metadata voter to listener; returns the voters after. */
  public CompletableFuture<List<Integer>> removeMetadataVoter(int nodeId) {
    return cluster.removeMetadataVoter(nodeId);
  }

  /** Replaces a metadata voter by another node in one configuration change; returns the voters after. */
  public CompletableFuture<List<Integer>> replaceMetadataVoter(int oldVoter, int newVoter) {
    return cluster.replaceMetadataVoter(oldVoter, newVoter);
  }

  // ---------------------------------------------------------------- consumer groups

  /** Every consumer group, from every node (each lists the groups it coordinates). */
  public CompletableFuture<List<ConsumerGroupListing>> listConsumerGroups() {
    return metadata.refresh().thenCompose(view -> {
      List<CompletableFuture<ListGroupsResponse>> calls = new ArrayList<>();
      for (String address : view.addresses().values()) {
        calls.add(Calls.unary(GroupServiceGrpc.newStub(channels.get(address))
            .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)::listGroups,
            ListGroupsRequest.getDefaultInstance(), address));
      }
      return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).thenApply(v -> {
        Map<String, ConsumerGroupListing> all = new TreeMap<>();
        for (CompletableFuture<ListGroupsResponse> c : calls) {
          ListGroupsResponse r = c.join();
          check(r.getError(), () -> null);
          r.getGroupsList().forEach(g -> all.put(g.getGroupId(),
              new ConsumerGroupListing(g.getGroupId(), g.getState(), g.getMembers())));
        }
        return List.copyOf(all.values());
      });
    });
  }

  /** A group's members, assignments, committed offsets and lag per partition. */
  public CompletableFuture<ConsumerGroupDescription> describeConsumerGroup(String groupId) {
    CoordinatorClient coordinator = coordinator(groupId);
    long deadline = System.nanoTime() + timeout.toNanos();
    return coordinator.call((stub, q) -> Calls.unary(stub::describeGroup, q, "describeGroup"),
            DescribeGroupRequest.newBuilder().setGroupId(groupId).build(), DescribeGroupResponse::getError, deadline)
        .thenCompose(d -> {
          List<GroupMemberInfo> members = new ArrayList<>();
          Map<TopicPartition, Long> committed = new HashMap<>();
          Set<TopicPartition> partitions = new HashSet<>();
          for (GroupMemberDescription m : d.getMembersList()) {
            Set<TopicPartition> assigned = new HashSet<>();
            m.getAssignmentList().forEach(t -> t.getPartitionsList().forEach(p -> assigned.add(new TopicPartition(t.getTopic(), p))));
            partitions.addAll(assigned);
            members.add(new GroupMemberInfo(m.getMemberId(), m.getClientId(), m.getMemberEpoch(),
                m.getSubscribedTopicsList(), assigned));
          }
          d.getOffsetsList().forEach(o -> committed.put(new TopicPartition(o.getTopic(), o.getPartition()), o.getOffset()));
          partitions.addAll(committed.keySet());
          return offsets.lookup(partitions, null, deadline).thenApply(bounds -> {
            Map<TopicPartition, PartitionLag> lags = new HashMap<>();
            for (TopicPartition tp : partitions) {
              long hw = bounds.get(tp).getHighWatermark();
              long c = committed.getOrDefault(tp, -1L);
              lags.put(tp, new PartitionLag(c, hw, c < 0 ? -1 : Math.max(0, hw - c)));
            }
            return new ConsumerGroupDescription(d.getGroupId(), d.getState(), d.getGroupEpoch(), d.getAssignor(),
                d.getCoordinator(), members, lags);
          });
        }).whenComplete((r, e) -> coordinator.close());
  }

  /**
   * Sets a group's committed offsets (they may move back). The group must have no active members: stop its
   * consumers first.
   */
  public CompletableFuture<Void> resetConsumerGroupOffsets(String groupId, Map<TopicPartition, Long> newOffsets) {
    ResetOffsetsRequest.Builder b = ResetOffsetsRequest.newBuilder().setGroupId(groupId);
    newOffsets.forEach((tp, o) -> b.addOffsets(CommittedOffset.newBuilder().setTopic(tp.topic())
        .setPartition(tp.partition()).setOffset(o)));
    CoordinatorClient coordinator = coordinator(groupId);
    return coordinator.call((stub, q) -> Calls.unary(stub::resetOffsets, q, "resetOffsets"), b.build(),
            ResetOffsetsResponse::getError, System.nanoTime() + timeout.toNanos())
        .<Void>thenApply(r -> null).whenComplete((r, e) -> coordinator.close());
  }

  /** The offsets of partitions by {@code spec} (earliest, latest, or for a timestamp), from their leaders. */
  public CompletableFuture<Map<TopicPartition, Long>> listOffsets(Collection<TopicPartition> partitions, OffsetSpec spec) {
    Long timestamp = spec instanceof OffsetSpec.ForTimestamp t ? t.timestampMs() : null;
    return offsets.lookup(partitions, timestamp, System.nanoTime() + timeout.toNanos()).thenApply(bounds -> {
      Map<TopicPartition, Long> out = new HashMap<>();
      bounds.forEach((tp, b) -> out.put(tp, spec instanceof OffsetSpec.Earliest ? b.getLogStartOffset()
          : spec instanceof OffsetSpec.Latest ? b.getHighWatermark() : b.getOffsetForTimestamp()));
      return out;
    });
  }

  private CoordinatorClient coordinator(String groupId) {
    return new CoordinatorClient(groupId, metadata, channels, timeout, backoff);
  }

  private static TopicDescription describe(TopicMetadata t, List<PartitionOffsets> offsets) {
    List<PartitionInfo> partitions = new ArrayList<>();
    for (PartitionMetadata p : t.getPartitionsList()) {
      PartitionOffsets o = p.getPartition() < offsets.size() ? offsets.get(p.getPartition()) : null;
      boolean known = o != null && o.getKnown();
      partitions.add(new PartitionInfo(p.getPartition(), p.getLeader(), p.getReplicasList(),
          known ? o.getLogStartOffset() : -1, known ? o.getHighWatermark() : -1));
    }
    return new TopicDescription(t.getName(), t.getTopicId(), t.getReplicationFactor(), partitions, t.getConfigsMap());
  }

  private static <T> T check(Error error, java.util.function.Supplier<T> ok) {
    if (error.getCode() != ErrorCode.NONE) {
      throw ServerErrors.toException(error);
    }
    return ok.get();
  }

  /** Sends an admin request to any node, moving to another node after a transient failure. */
  private <Q, R, T> CompletableFuture<T> call(
      BiFunction<AdminServiceGrpc.AdminServiceStub, Q, CompletableFuture<R>> rpc, Q request, Function<R, T> onResponse) {
    long deadline = System.nanoTime() + timeout.toNanos();
    // onResponse checks the response's error inside the attempt, so that METADATA_UNAVAILABLE is retried.
    return anyNode.call(address -> rpc.apply(AdminServiceGrpc.newStub(channels.get(address))
        .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS), request).thenApply(onResponse), deadline);
  }

  @Override
  public void close() {
    anyNode.close();
    channels.close();
  }
}
