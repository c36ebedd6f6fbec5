package io.rafka.server.raft;

import io.rafka.proto.ErrorCode;
import io.rafka.server.config.ServerConfig;
import io.rafka.server.errors.ServerException;
import io.rafka.server.metadata.ReplicaPeer;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.proto.RaftProtos.LogInfoProto;
import org.apache.ratis.proto.RaftProtos.RaftConfigurationProto;
import org.apache.ratis.proto.RaftProtos.RaftPeerProto;
import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.proto.RaftProtos.RoleInfoProto;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.GroupInfoReply;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.SetConfigurationRequest;
import org.apache.ratis.protocol.exceptions.GroupMismatchException;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.server.RaftConfiguration;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.util.TimeDuration;

/**
 * Raft group membership on this node's server: reading a group's configuration, changing it (on the leader,
 * without a client hop), asking another node how its replica of a group is doing, and moving leadership.
 * Remote questions go through one admin client over Ratis's own admin protocol. Thread-safe.
 */
final class GroupAdmin implements Closeable {
  private final ServerConfig config;
  private final RaftServer server;
  private final RaftPeerId selfId;
  private final ClientId clientId;
  private final AtomicLong callIds;
  private final RaftClient adminClient;
  private final ExecutorService blocking;

  /** The longest a leadership transfer may hold the group's writes: two maximum election timeouts. */
  private final long maxTransferMillis;

  GroupAdmin(ServerConfig config, RaftServer server, RaftPeerId selfId, ClientId clientId, AtomicLong callIds,
      ExecutorService blocking) {
    this.config = config;
    this.server = server;
    this.selfId = selfId;
    this.clientId = clientId;
    this.callIds = callIds;
    this.blocking = blocking;
    this.maxTransferMillis = 2 * config.get(ServerConfig.RAFT_RPC_TIMEOUT_MAX).toMillis();
    // An admin-only client: it never sends to its own group (the empty group id is reserved, so a random one;
    // Ratis wants at least one peer, so this node).
    RaftPeer self = RaftPeer.newBuilder().setId(selfId).setAddress(config.peerAdvertisedAddress()).build();
    this.adminClient = RaftClient.newBuilder().setClientId(ClientId.randomId())
        .setRaftGroup(RaftGroup.valueOf(RaftGroupId.randomId(), self)).setProperties(RatisProperties.forClient(config))
        .setRetryPolicy(RetryPolicies.noRetry()).build();
  }

  /** The configuration this node's replica of {@code gid} holds, if it hosts one. */
  Optional<GroupConfiguration> localConfiguration(RaftGroupId gid) {
    try {
      return Optional.of(toConfiguration(server.getDivision(gid)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Sets the voters of {@code gid}, led by this node, to {@code voters} (with their priorities), provided its
   * voters are still {@code expected} (compared by id; a concurrent membership change fails this). Ratis catches
   * new voters up before the change counts and goes through joint consensus, so the group keeps a quorum of
   * up-to-date replicas throughout. Completes when the new configuration is committed.
   */
  CompletableFuture<Void> reconfigure(RaftGroupId gid, List<ReplicaPeer> expected, List<ReplicaPeer> voters,
      Duration timeout) {
    SetConfigurationRequest request = new SetConfigurationRequest(clientId, selfId, gid, callIds.incrementAndGet(),
        SetConfigurationRequest.Arguments.newBuilder().setServersInCurrentConf(toPeers(expected))
            .setServersInNewConf(toPeers(voters)).setMode(SetConfigurationRequest.Mode.COMPARE_AND_SET).build());
    CompletableFuture<RaftClientReply> sent;
    try {
      sent = server.setConfigurationAsync(request);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
    return sent.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).thenAccept(reply -> {
      if (!reply.isSuccess()) {
        throw new CompletionException(reply.getException());
      }
    });
  }

  /**
   * How node {@code peer}'s replica of {@code gid} is doing, asked over Ratis's admin protocol; empty if that
   * node hosts no replica of the group. Fails if the node does not answer.
   */
  CompletableFuture<Optional<ReplicaState>> replicaState(ReplicaPeer peer, RaftGroupId gid) {
    return CompletableFuture.supplyAsync(() -> {
      RaftPeer target = RaftPeer.newBuilder().setId(RaftNode.peerId(peer.nodeId())).setAddress(peer.raftAddress())
          .build();
      try {
        adminClient.getClientRpc().addRaftPeers(List.of(target));
        GroupInfoReply reply = adminClient.getGroupManagementApi(target.getId()).info(gid);
        if (!reply.isSuccess()) {
          if (reply.getException() instanceof GroupMismatchException) {
            return Optional.<ReplicaState>empty();
          }
          throw new CompletionException(reply.getException());
        }
        return Optional.of(toReplicaState(peer.nodeId(), reply));
      } catch (GroupMismatchException e) {
        return Optional.<ReplicaState>empty();
      } catch (IOException e) {
        throw new CompletionException(e);
      }
    }, blocking);
  }

  /**
   * Moves leadership of {@code gid} to {@code toNode}, from any node. Ratis hands leadership only to the peer
   * with the highest priority (and a leader yields to a caught-up peer with a higher one), so unless the
   * target already has it, this first raises the target's priority above the others; the new priorities stay
   * until changed again.
   */
  CompletableFuture<Void> transferLeadership(RaftGroup group, int toNode, Duration timeout) {
    return CompletableFuture.runAsync(() -> {
      try (RaftClient client = RaftClient.newBuilder().setRaftGroup(group)
          .setProperties(RatisProperties.forClient(config)).setClientId(ClientId.randomId())
          .setRetryPolicy(RetryPolicies.retryUpToMaximumCountWithFixedSleep(10,
              TimeDuration.valueOf(200, TimeUnit.MILLISECONDS))).build()) {
        RaftPeerId target = RaftNode.peerId(toNode);
        List<RaftPeer> peers = new ArrayList<>(group.getPeers());
        RaftPeer targetPeer = peers.stream().filter(p -> p.getId().equals(target)).findFirst().orElseThrow(
            () -> new ServerException(ErrorCode.INVALID_REQUEST, "node " + toNode + " has no replica in " + group));
        int topOthers = peers.stream().filter(p -> !p.getId().equals(target)).mapToInt(RaftPeer::getPriority)
            .max().orElse(0);
        if (targetPeer.getPriority() <= topOthers) {
          List<RaftPeer> raised = peers.stream().map(p -> p.getId().equals(target)
              ? RaftPeer.newBuilder(p).setPriority(topOthers + 1).build() : p).toList();
          // Only the priorities change: compare-and-set on the members read, so that a membership change made
          // meanwhile (a replica move) makes this fail instead of being undone.
          RaftClientReply reconfigured = client.admin().setConfiguration(SetConfigurationRequest.Arguments
              .newBuilder().setServersInCurrentConf(peers).setServersInNewConf(raised)
              .setMode(SetConfigurationRequest.Mode.COMPARE_AND_SET).build());
          if (!reconfigured.isSuccess()) {
            throw new ServerException(ErrorCode.LEADER_NOT_AVAILABLE, "raising node " + toNode
                + "'s priority failed: " + reconfigured.getException());
          }
        }
        // Ratis refuses every write to the group while a transfer is pending, for up to the timeout given
        // here: keep it to a few election timeouts whatever the caller waits for, and let callers retry.
        long transferMs = Math.min(timeout.toMillis(), maxTransferMillis);
        RaftClientReply reply = client.admin().transferLeadership(target, transferMs);
        if (!reply.isSuccess()) {
          throw new ServerException(ErrorCode.LEADER_NOT_AVAILABLE, "transfer to node " + toNode + " failed: "
              + reply.getException());
        }
      } catch (IOException e) {
        throw new ServerException(ErrorCode.LEADER_NOT_AVAILABLE, "transfer to node " + toNode + " failed: "
            + e.getMessage(), e);
      }
    }, blocking);
  }

  static List<RaftPeer> toPeers(List<ReplicaPeer> peers) {
    return peers.stream().map(r -> RaftPeer.newBuilder().setId(RaftNode.peerId(r.nodeId()))
        .setAddress(r.raftAddress()).setPriority(r.priority()).build()).toList();
  }

  /**
   * A replica's own view of its group's configuration. Ratis takes a configuration on as soon as its entry is
   * appended; until that entry is committed a new leader may still truncate it and bring the previous one back,
   * so it counts as stable only once committed as well as out of joint consensus. (A leader that recorded a
   * move done on an appended-only configuration left the metadata naming replicas the group did not have.)
   */
  static GroupConfiguration toConfiguration(RaftServer.Division division) {
    RaftConfiguration conf = division.getRaftConf();
    boolean committed = conf.getLogEntryIndex() <= division.getRaftLog().getLastCommittedIndex();
    return new GroupConfiguration(fromPeers(conf.getCurrentPeers(RaftPeerRole.FOLLOWER)),
        fromPeers(conf.getCurrentPeers(RaftPeerRole.LISTENER)), conf.getPreviousPeers().isEmpty() && committed);
  }

  static GroupConfiguration toConfiguration(RaftConfigurationProto conf) {
    return new GroupConfiguration(fromProtos(conf.getPeersList()), fromProtos(conf.getListenersList()),
        conf.getOldPeersCount() == 0);
  }

  private static List<ReplicaPeer> fromPeers(Collection<RaftPeer> peers) {
    return peers.stream().map(p -> new ReplicaPeer(RaftNode.nodeIdOf(p.getId()), p.getAddress(), p.getPriority()))
        .sorted((a, b) -> Integer.compare(b.priority(), a.priority())).toList();
  }

  private static List<ReplicaPeer> fromProtos(List<RaftPeerProto> peers) {
    return peers.stream().map(p -> new ReplicaPeer(RaftNode.nodeIdOf(RaftPeerId.valueOf(p.getId())), p.getAddress(),
        p.getPriority())).sorted((a, b) -> Integer.compare(b.priority(), a.priority())).toList();
  }

  private static ReplicaState toReplicaState(int nodeId, GroupInfoReply reply) {
    RoleInfoProto role = reply.getRoleInfoProto();
    LogInfoProto log = reply.getLogInfoProto();
    int leader = -1;
    long term = log.getLastEntry().getTerm();
    if (role.getRole() == RaftPeerRole.LEADER) {
      leader = nodeId;
      term = role.getLeaderInfo().getTerm();
    } else if (role.hasFollowerInfo() && !role.getFollowerInfo().getLeaderInfo().getId().getId().isEmpty()) {
      leader = RaftNode.nodeIdOf(RaftPeerId.valueOf(role.getFollowerInfo().getLeaderInfo().getId().getId()));
    }
    GroupConfiguration conf = reply.getConf().map(GroupAdmin::toConfiguration)
        .orElse(new GroupConfiguration(List.of(), List.of(), true));
    return new ReplicaState(nodeId, role.getRole().name(), leader, term, log.getCommitted().getIndex(),
        log.getApplied().getIndex(), log.getLastEntry().getIndex(), log.getLastSnapshot().getIndex(), conf);
  }

  @Override
  public void close() throws IOException {
    adminClient.close();
  }
}
