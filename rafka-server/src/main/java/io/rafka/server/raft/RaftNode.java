package io.rafka.server.raft;

import com.codahale.metrics.MetricRegistry;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.protobuf.InvalidProtocolBufferException;
import io.rafka.proto.ErrorCode;
import io.rafka.proto.internal.MetadataCommand;
import io.rafka.proto.internal.MetadataCommandResult;
import io.rafka.proto.internal.PartitionCommand;
import io.rafka.proto.internal.PartitionCommandResult;
import io.rafka.proto.internal.PartitionIdentity;
import io.rafka.server.cache.HotReadCache;
import io.rafka.server.common.Threads;
import io.rafka.server.config.ServerConfig;
import io.rafka.server.errors.NotLeaderException;
import io.rafka.server.errors.ServerException;
import io.rafka.server.metadata.ClusterImage;
import io.rafka.server.metadata.MetadataWriter;
import io.rafka.server.metadata.PartitionGroupHost;
import io.rafka.server.metadata.PartitionRef;
import io.rafka.server.metadata.ReplicaPeer;
import io.rafka.server.partition.AppendListener;
import io.rafka.server.partition.LeadershipListener;
import io.rafka.server.partition.PartitionId;
import io.rafka.server.partition.PartitionRegistry;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.GroupManagementRequest;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.protocol.exceptions.AlreadyExistsException;
import org.apache.ratis.protocol.exceptions.GroupMismatchException;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.server.DivisionInfo;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.statemachine.StateMachine;
import org.apache.ratis.util.TimeDuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's single Ratis {@link RaftServer}, hosting the metadata group and one group per partition
 * replica, and the only door to it from the rest of the server: submit a partition command on the local
 * leader, propose a metadata command, add and remove partition groups, ask who leads a group. Nothing in its
 * public signatures is a Ratis type. Thread-safe.
 */
public final class RaftNode implements PartitionGroupHost, MetadataWriter, Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(RaftNode.class);

  private final ServerConfig config;
  private final int nodeId;
  private final RaftPeerId selfId;
  private final RaftGroup metadataGroup;
  private final MetadataStateMachine metadata = new MetadataStateMachine();
  private final PartitionContext partitions;
  private final RaftServer server;
  private final RaftClient metadataClient;
  private final ClientId clientId = ClientId.randomId();
  private final AtomicLong callIds = new AtomicLong();
  private final RatisMetricsBridge metricsBridge;
  private final MetadataMembership membership;
  private final ExecutorService adminExecutor;
  private final ExecutorService submitPool;
  private final Map<RaftGroupId, Executor> submitters = new ConcurrentHashMap<>();
  private final GroupAdmin groupAdmin;
  private final Progress progress;

  public RaftNode(ServerConfig config, HotReadCache cache, PartitionRegistry registry,
      AppendListener appendListener, LeadershipListener leadershipListener, MetricRegistry metrics)
      throws IOException {
    this.config = config;
    this.nodeId = config.nodeId();
    this.selfId = peerId(nodeId);
    this.metricsBridge = new RatisMetricsBridge(metrics, selfId,
        config.get(ServerConfig.METRICS_RATIS_ENABLED));
    List<RaftPeer> voters = config.metadataVoters().stream()
        .map(v -> RaftPeer.newBuilder().setId(peerId(v.nodeId())).setAddress(v.peerAddress()).build())
        .toList();
    this.metadataGroup = RaftGroup.valueOf(GroupIds.METADATA, voters);
    this.partitions = new PartitionContext(config, cache, registry, appendListener, leadershipListener,
        new ConcurrentHashMap<>());
    StateMachine.Registry stateMachines =
        gid -> gid.equals(GroupIds.METADATA) ? metadata : new PartitionStateMachine(partitions);
    RaftProperties properties = RatisProperties.forServer(config);
    RaftServer.Builder builder = RaftServer.newBuilder().setServerId(selfId).setProperties(properties)
        .setStateMachineRegistry(stateMachines);
    boolean voter = voters.stream().anyMatch(p -> p.getId().equals(selfId));
    boolean metadataOnDisk = Files.isDirectory(config.dataDir().resolve("raft")
        .resolve(GroupIds.METADATA.getUuid().toString()));
    if (voter && !metadataOnDisk) {
      builder.setGroup(metadataGroup);
    }
    this.server = builder.build();
    this.metadataClient = RaftClient.newBuilder().setClientId(ClientId.randomId()).setRaftGroup(metadataGroup)
        .setProperties(RatisProperties.forClient(config))
        .setRetryPolicy(RetryPolicies.retryUpToMaximumCountWithFixedSleep(
            (int) Math.max(1, config.get(ServerConfig.ADMIN_TIMEOUT).toMillis() / 250),
            TimeDuration.valueOf(250, TimeUnit.MILLISECONDS)))
        .build();
    this.membership = new MetadataMembership(voter, server, metadataClient, metadataGroup,
        RaftPeer.newBuilder().setId(selfId).setAddress(config.peerAdvertisedAddress())
            .setStartupRole(RaftPeerRole.LISTENER).build(), clientId, callIds);
    this.adminExecutor = Executors.newCachedThreadPool(Threads.factory("rafka-raft-admin"));
    this.submitPool = Executors.newCachedThreadPool(Threads.factory("rafka-raft-submit"));
    this.groupAdmin = new GroupAdmin(config, server, selfId, clientId, callIds, adminExecutor);
    this.progress = new Progress(server);
  }

  public void start() throws IOException {
    UnstartedGroups.remove(config.dataDir().resolve("raft"), GroupIds.METADATA.getUuid().toString());
    CoveredLogSegments.remove(config.dataDir().resolve("raft"));
    server.start();
    LOG.info("[node={}] Raft server started on {} hosting {} groups", nodeId,
        config.get(ServerConfig.PEER_ADDRESS), countGroups());
  }

  /** See {@link MetadataMembership#join()}. */
  public CompletableFuture<Void> joinMetadataGroup() {
    return membership.join();
  }

  // ---------------------------------------------------------------- metadata

  /** The newest metadata this node has applied. */
  public ClusterImage metadataImage() {
    return metadata.image();
  }

  /** Calls {@code listener} now with the current image and after every change, on the apply thread. */
  public void onMetadata(Consumer<ClusterImage> listener) {
    metadata.addListener(listener);
  }

  /**
   * Whether this node's metadata copy has everything the metadata group's leader has applied: asks the leader
   * for its epoch. Work that acts on the metadata and cannot be undone (reconfiguring a partition's group,
   * moving its leadership) checks this first, so that a node catching up after a restart never acts on an
   * image the cluster has moved past.
   */
  public CompletableFuture<Boolean> metadataIsCurrent() {
    return metadataClient.async().sendReadOnly(Message.EMPTY).thenApply(reply -> {
      if (!reply.isSuccess()) {
        return false;
      }
      long leaderEpoch = reply.getMessage().getContent().asReadOnlyByteBuffer().getLong();
      return metadata.image().epoch() >= leaderEpoch;
    }).exceptionally(e -> false);
  }

  @Override
  public CompletableFuture<MetadataCommandResult> propose(MetadataCommand command) {
    return metadataClient.async().send(Message.valueOf(ByteStrings.toRatis(command.toByteString())))
        .thenApply(reply -> {
          if (!reply.isSuccess()) {
            throw new ServerException(ErrorCode.METADATA_UNAVAILABLE,
                "metadata group refused the command: " + reply.getException());
          }
          return parseMetadataResult(reply);
        })
        .exceptionally(e -> {
          Throwable cause = unwrap(e);
          if (cause instanceof ServerException se) {
            throw se;
          }
          throw new ServerException(ErrorCode.METADATA_UNAVAILABLE,
              "metadata group unavailable: " + cause, cause);
        });
  }

  private static MetadataCommandResult parseMetadataResult(RaftClientReply reply) {
    try {
      return MetadataCommandResult.parseFrom(ByteStrings.fromRatis(reply.getMessage().getContent()));
    } catch (InvalidProtocolBufferException e) {
      throw new ServerException(ErrorCode.UNKNOWN_SERVER_ERROR, "undecodable metadata result", e);
    }
  }

  // ---------------------------------------------------------------- partitions: writes

  /**
   * Replicates {@code command} through the partition's group, led by this node. Completes once the entry is
   * committed and applied here, with the apply's result. Fails with {@link NotLeaderException} (checked
   * before anything is written) or a {@link ServerException}.
   */
  public CompletableFuture<PartitionCommandResult> submit(PartitionId partition, PartitionCommand command,
      Duration timeout) {
    RaftGroupId gid = GroupIds.partition(partition.topicId(), partition.partition());
    RaftServer.Division division;
    try {
      division = server.getDivision(gid);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(new ServerException(ErrorCode.REPLICA_NOT_AVAILABLE,
          "node " + nodeId + " hosts no replica of " + partition));
    }
    DivisionInfo info = division.getInfo();
    if (!info.isLeader()) {
      return CompletableFuture.failedFuture(new NotLeaderException("node " + nodeId + " is not the leader of "
          + partition, nodeIdOf(info.getLeaderId())));
    }
    if (!info.isLeaderReady()) {
      return CompletableFuture.failedFuture(new ServerException(ErrorCode.LEADER_NOT_AVAILABLE,
          "the leader of " + partition + " was just elected and is not ready yet"));
    }
    RaftClientRequest request = RaftClientRequest.newBuilder().setClientId(clientId).setServerId(selfId)
        .setGroupId(gid).setCallId(callIds.incrementAndGet())
        .setMessage(Message.valueOf(ByteStrings.toRatis(command.toByteString())))
        .setType(RaftClientRequest.writeRequestType()).build();
    // Ratis's "async" submit runs the append on the group's client executor and waits for it on the calling
    // thread; that wait can be long (the division's lock is busy) or, in 3.3.0, endless (a leader closing
    // itself). So submit from a per-group queue that keeps this group's entries in call order, never from the
    // caller's thread (a connection's event loop).
    CompletableFuture<RaftClientReply> sent = CompletableFuture.supplyAsync(() -> {
      try {
        return server.submitClientRequestAsync(request);
      } catch (IOException e) {
        throw new CompletionException(new ServerException(ErrorCode.REPLICA_NOT_AVAILABLE,
            "cannot submit to " + partition + ": " + e.getMessage(), e));
      }
    }, submitters.computeIfAbsent(gid, g -> MoreExecutors.newSequentialExecutor(submitPool))).thenCompose(f -> f);
    return sent.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .handle((reply, error) -> {
          if (error != null) {
            throw SubmitFailures.map(nodeId, partition, unwrap(error), timeout);
          }
          return partitionResult(partition, reply);
        });
  }

  private PartitionCommandResult partitionResult(PartitionId partition, RaftClientReply reply) {
    if (reply.isSuccess()) {
      try {
        return PartitionCommandResult.parseFrom(ByteStrings.fromRatis(reply.getMessage().getContent()));
      } catch (InvalidProtocolBufferException e) {
        throw new ServerException(ErrorCode.UNKNOWN_SERVER_ERROR, "undecodable apply result", e);
      }
    }
    throw SubmitFailures.map(nodeId, partition, reply.getException(), null);
  }

  /** The leader hint carried by a failure, or -1. */
  public static int leaderHint(Throwable e) {
    return SubmitFailures.leaderHint(e);
  }

  // ---------------------------------------------------------------- partitions: who leads

  /** The leader of a partition this node hosts, as its replica knows it; empty if unknown or not hosted. */
  public OptionalInt localLeader(String topicId, int partition) {
    try {
      RaftPeerId leader = server.getDivision(GroupIds.partition(topicId, partition)).getInfo().getLeaderId();
      return leader == null ? OptionalInt.empty() : OptionalInt.of(nodeIdOf(leader));
    } catch (IOException e) {
      return OptionalInt.empty();
    }
  }

  /** Whether this node leads the partition's group and can take writes now. */
  public boolean isLeaderReady(String topicId, int partition) {
    try {
      DivisionInfo info = server.getDivision(GroupIds.partition(topicId, partition)).getInfo();
      return info.isLeader() && info.isLeaderReady();
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Whether this node leads a partition's group, is ready, and has applied every committed entry: then its log
   * end is the partition's committed end, and an offset beyond it does not exist yet.
   */
  public boolean knowsCommittedEnd(String topicId, int partition) {
    try {
      RaftServer.Division division = server.getDivision(GroupIds.partition(topicId, partition));
      DivisionInfo info = division.getInfo();
      return info.isLeader() && info.isLeaderReady()
          && info.getLastAppliedIndex() >= division.getRaftLog().getLastCommittedIndex();
    } catch (IOException e) {
      return false;
    }
  }

  /** The current term of a hosted partition's group. */
  public Optional<Long> localTerm(String topicId, int partition) {
    try {
      return Optional.of(server.getDivision(GroupIds.partition(topicId, partition)).getInfo().getCurrentTerm());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Every group this node hosts (the metadata group included) with how far it has come; see {@link Progress}. */
  public List<GroupProgress> groupProgress() {
    return progress.groups();
  }

  /** On a partition this node leads, each follower's lag in entries; see {@link Progress}. */
  public Map<Integer, Long> followerLags(String topicId, int partition) {
    return progress.followerLags(GroupIds.partition(topicId, partition));
  }

  // ---------------------------------------------------------------- partitions: membership

  @Override
  public Set<PartitionRef> hostedPartitions() {
    Set<PartitionRef> hosted = new HashSet<>();
    for (RaftGroupId gid : server.getGroupIds()) {
      if (gid.equals(GroupIds.METADATA)) {
        continue;
      }
      try {
        StateMachine sm = server.getDivision(gid).getStateMachine();
        if (sm instanceof PartitionStateMachine psm) {
          PartitionId id = psm.partitionId();
          hosted.add(new PartitionRef(id.topicId(), id.partition()));
        }
      } catch (IOException | RuntimeException e) {
        LOG.debug("[node={}] group {} not available: {}", nodeId, gid, e.toString());
      }
    }
    return hosted;
  }

  @Override
  public Set<PartitionRef> closedPartitions() {
    Set<PartitionRef> closed = new HashSet<>();
    for (RaftGroupId gid : server.getGroupIds()) {
      if (gid.equals(GroupIds.METADATA)) {
        continue;
      }
      try {
        RaftServer.Division division = server.getDivision(gid);
        if (!division.getInfo().isAlive() && division.getStateMachine() instanceof PartitionStateMachine psm) {
          closed.add(new PartitionRef(psm.partitionId().topicId(), psm.partitionId().partition()));
        }
      } catch (IOException | RuntimeException e) {
        LOG.debug("[node={}] group {} not available: {}", nodeId, gid, e.toString());
      }
    }
    return closed;
  }

  @Override
  public CompletableFuture<Void> addPartition(PartitionIdentity identity, List<ReplicaPeer> replicas) {
    RaftGroupId gid = GroupIds.partition(identity.getTopicId(), identity.getPartition());
    List<RaftPeer> peers = replicas.stream().map(r -> RaftPeer.newBuilder().setId(peerId(r.nodeId()))
        .setAddress(r.raftAddress()).setPriority(r.priority()).build()).toList();
    partitions.pendingIdentities().put(gid, identity);
    GroupManagementRequest add = GroupManagementRequest.newAdd(clientId, selfId, callIds.incrementAndGet(),
        RaftGroup.valueOf(gid, peers));
    return server.groupManagementAsync(add).handle((reply, e) -> {
      partitions.pendingIdentities().remove(gid);
      Throwable cause = e == null ? (reply.isSuccess() ? null : reply.getException()) : unwrap(e);
      if (cause != null && !(cause instanceof AlreadyExistsException)) {
        throw new CompletionException(cause);
      }
      LOG.info("[node={} partition={}-{}] replica started with peers {}", nodeId, identity.getTopic(),
          identity.getPartition(), replicas);
      return null;
    });
  }

  @Override
  public CompletableFuture<Void> removePartition(PartitionRef partition) {
    RaftGroupId gid = GroupIds.partition(partition.topicId(), partition.partition());
    GroupManagementRequest remove = GroupManagementRequest.newRemove(clientId, selfId,
        callIds.incrementAndGet(), gid, true, false);
    // Ratis closes the division on the calling thread and waits for the close to finish: keep that wait off
    // the caller, which must stay free to give up on a close that hangs.
    submitters.remove(gid);
    return CompletableFuture.supplyAsync(() -> server.groupManagementAsync(remove), adminExecutor)
        .thenCompose(f -> f).handle((reply, e) -> {
      Throwable cause = e == null ? (reply.isSuccess() ? null : reply.getException()) : unwrap(e);
      if (cause != null && !(cause instanceof GroupMismatchException)) {
        throw new CompletionException(cause);
      }
      LOG.info("[node={}] removed replica of partition {}/{} and its data", nodeId, partition.topicId(),
          partition.partition());
      return null;
    });
  }

  @Override
  public CompletableFuture<Boolean> leftGroup(PartitionRef partition, List<ReplicaPeer> members) {
    RaftGroupId gid = GroupIds.partition(partition.topicId(), partition.partition());
    List<CompletableFuture<Optional<ReplicaState>>> asks = members.stream().filter(m -> m.nodeId() != nodeId)
        .map(m -> groupAdmin.replicaState(m, gid).exceptionally(e -> Optional.empty())).toList();
    return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new)).thenApply(v -> asks.stream()
        .map(CompletableFuture::join).flatMap(Optional::stream).filter(ReplicaState::isLeader)
        .anyMatch(leader -> leader.configuration().stable() && !leader.configuration().hasVoter(nodeId)
            && leader.configuration().listeners().stream().noneMatch(l -> l.nodeId() == nodeId)));
  }

  /**
   * Makes {@code toNode} the leader of a partition's group hosted here (see
   * {@link #transferLeadership(PartitionId, List, int, Duration)}).
   */
  public CompletableFuture<Void> transferLeadership(PartitionId partition, int toNode, Duration timeout) {
    RaftGroupId gid = GroupIds.partition(partition.topicId(), partition.partition());
    try {
      return groupAdmin.transferLeadership(server.getDivision(gid).getGroup(), toNode, timeout);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(new ServerException(ErrorCode.REPLICA_NOT_AVAILABLE,
          "node " + nodeId + " hosts no replica of " + partition));
    }
  }

  /**
   * Makes {@code toNode} the leader of a partition's group whose replicas are {@code peers}, from any node.
   * Ratis hands leadership only to the replica with the highest priority, so unless {@code toNode} has it
   * this raises its priority first; the priorities stay until the group is reconfigured again.
   */
  public CompletableFuture<Void> transferLeadership(PartitionId partition, List<ReplicaPeer> peers, int toNode,
      Duration timeout) {
    RaftGroupId gid = GroupIds.partition(partition.topicId(), partition.partition());
    return groupAdmin.transferLeadership(RaftGroup.valueOf(gid, GroupAdmin.toPeers(peers)), toNode, timeout);
  }

  /**
   * Whether {@code follower}'s replica of a partition this node leads has (nearly) everything the leader has
   * committed: only such a replica can take leadership quickly. Ratis refuses writes for as long as a
   * leadership transfer is pending, so handing leadership to a replica that is still catching up would stall
   * the partition; callers ask this first and try again later instead.
   */
  public CompletableFuture<Boolean> caughtUp(PartitionId partition, ReplicaPeer follower) {
    RaftGroupId gid = GroupIds.partition(partition.topicId(), partition.partition());
    long committed;
    try {
      committed = server.getDivision(gid).getRaftLog().getLastCommittedIndex();
    } catch (IOException e) {
      return CompletableFuture.completedFuture(false);
    }
    return groupAdmin.replicaState(follower, gid).handle((state, e) -> e == null && state.isPresent()
        && state.get().lastIndex() >= committed - CAUGHT_UP_SLACK);
  }

  // ---------------------------------------------------------------- partitions: reconfiguration

  /** The Raft group id of a partition, as operators see it in Ratis's logs and directories. */
  public static String groupId(PartitionId partition) {
    return GroupIds.partition(partition.topicId(), partition.partition()).getUuid().toString();
  }

  /** The configuration of this node's replica of a partition's group; empty if it hosts none. */
  public Optional<GroupConfiguration> partitionConfiguration(PartitionId partition) {
    return groupAdmin.localConfiguration(GroupIds.partition(partition.topicId(), partition.partition()));
  }

  /**
   * Sets the voters (and their leader priorities) of a partition's group that this node leads, if its voters
   * are still {@code expected}; see
   * {@link GroupAdmin#reconfigure}. Completes when the new configuration is committed.
   */
  public CompletableFuture<Void> reconfigure(PartitionId partition, List<ReplicaPeer> expected,
      List<ReplicaPeer> voters, Duration timeout) {
    return groupAdmin.reconfigure(GroupIds.partition(partition.topicId(), partition.partition()), expected, voters,
        timeout);
  }

  /** How {@code node}'s replica of a partition's group is doing; empty if it hosts none. */
  public CompletableFuture<Optional<ReplicaState>> replicaState(ReplicaPeer node, PartitionId partition) {
    return groupAdmin.replicaState(node, GroupIds.partition(partition.topicId(), partition.partition()));
  }

  // ---------------------------------------------------------------- metadata group membership

  /** The metadata group as this node's replica sees it; empty if this node does not host it yet. */
  public Optional<MetadataQuorumView> metadataQuorum() {
    try {
      return Optional.of(membership.view());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Sets the metadata group's voters and listeners if its configuration is still {@code expected}; fails with
   * METADATA_UNAVAILABLE otherwise (look again and retry).
   */
  public CompletableFuture<Void> changeMetadataMembers(GroupConfiguration expected, List<ReplicaPeer> voters,
      List<ReplicaPeer> listeners) {
    return CompletableFuture.runAsync(() -> {
      try {
        membership.changeMembers(expected, voters, listeners);
      } catch (IOException e) {
        throw new ServerException(ErrorCode.METADATA_UNAVAILABLE, "the metadata group did not take the change: "
            + e.getMessage(), e);
      }
    }, adminExecutor);
  }

  /** The first index still in a hosted group's Raft log (it moves up when Ratis purges after a snapshot). */
  public long raftLogStartIndex(String topicId, int partition) throws IOException {
    return server.getDivision(GroupIds.partition(topicId, partition)).getRaftLog().getStartIndex();
  }

  /** The Raft groups this node hosts, the metadata group included. */
  public int groupCount() {
    return countGroups();
  }

  private int countGroups() {
    int n = 0;
    for (RaftGroupId ignored : server.getGroupIds()) {
      n++;
    }
    return n;
  }

  /**
   * Whether Ratis closed this node's Raft server on its own: it does so after a JVM pause longer than
   * raft.server.close.threshold (60 s), and a node without its Raft server can serve nothing.
   */
  public boolean serverClosedUnderneath() {
    return server.getLifeCycleState().isClosingOrClosed()
        || server.getLifeCycleState() == org.apache.ratis.util.LifeCycle.State.EXCEPTION;
  }

  @Override
  public void close() throws IOException {
    try {
      groupAdmin.close();
      metadataClient.close();
      adminExecutor.shutdownNow();
      submitPool.shutdownNow();
    } finally {
      try {
        server.close();
      } finally {
        metricsBridge.close();
      }
    }
  }

  /** Entries a follower may trail the leader's commit index by and still count as caught up. */
  static final long CAUGHT_UP_SLACK = 64;

  static RaftPeerId peerId(int nodeId) {
    return RaftPeerId.valueOf(Integer.toString(nodeId));
  }

  static int nodeIdOf(RaftPeerId peerId) {
    if (peerId == null) {
      return -1;
    }
    try {
      return Integer.parseInt(peerId.toString());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Throwable unwrap(Throwable e) {
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
