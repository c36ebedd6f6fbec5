package io.rafka.server.raft;

import io.rafka.proto.ErrorCode;
import io.rafka.server.errors.ServerException;
import java.io.IOException;
import io.rafka.server.metadata.ReplicaPeer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.proto.RaftProtos.RaftConfigurationProto;
import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.proto.RaftProtos.RoleInfoProto;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.GroupManagementRequest;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.SetConfigurationRequest;
import org.apache.ratis.protocol.exceptions.AlreadyExistsException;
import org.apache.ratis.server.DivisionInfo;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.util.ProtoUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** This node's place in the metadata group: a voter from the start, or a listener that joins. Thread-safe. */
final class MetadataMembership {
  private static final Logger LOG = LoggerFactory.getLogger(MetadataMembership.class);

  private final boolean voter;
  private final RaftServer server;
  private final RaftClient metadataClient;
  private final RaftGroup metadataGroup;
  private final RaftPeer self;
  private final ClientId clientId;
  private final AtomicLong callIds;

  MetadataMembership(boolean voter, RaftServer server, RaftClient metadataClient, RaftGroup metadataGroup,
      RaftPeer self, ClientId clientId, AtomicLong callIds) {
    this.voter = voter;
    this.server = server;
    this.metadataClient = metadataClient;
    this.metadataGroup = metadataGroup;
    this.self = self;
    this.clientId = clientId;
    this.callIds = callIds;
  }

  /**
   * Makes this node a member of the metadata group. Voters are members from their first start; any other
   * node joins as a non-voting listener, so that it holds a full, current copy of the metadata without
   * growing the voting quorum: it starts an empty replica of the group and asks the group's leader to add it.
   * Completes once this node is in the group's configuration; fails with METADATA_UNAVAILABLE if the group
   * cannot be reached (the caller retries).
   */
  CompletableFuture<Void> join() {
    if (voter) {
      return CompletableFuture.completedFuture(null);
    }
    try {
      if (!hostsMetadata()) {
        startEmptyMetadataReplica();
      }
      if (server.getDivision(GroupIds.METADATA).getRaftConf().getPeer(self.getId(), RaftPeerRole.LISTENER,
          RaftPeerRole.FOLLOWER) != null) {
        return CompletableFuture.completedFuture(null);
      }
      addSelfAsMetadataListener();
      LOG.info("[node={}] joined the metadata group as a listener", self.getId());
      return CompletableFuture.completedFuture(null);
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.failedFuture(new ServerException(ErrorCode.METADATA_UNAVAILABLE,
          "node " + self.getId() + " cannot join the metadata group yet: " + e.getMessage(), e));
    }
  }

  /**
   * Asks the metadata group to add this node as a listener. Ratis 3.3.0's ADD mode drops the listeners
   * already in the group (its leader stages the request's listener list, not the merged one), so this reads
   * the current configuration from a voter and sets the full lists with COMPARE_AND_SET; a concurrent change
   * makes it fail, and the caller retries.
   */
  private void addSelfAsMetadataListener() throws IOException {
    RaftConfigurationProto current = null;
    IOException last = null;
    for (RaftPeer voter : metadataGroup.getPeers()) {
      try {
        current = metadataClient.getGroupManagementApi(voter.getId()).info(GroupIds.METADATA).getConf()
            .orElse(null);
        if (current != null && current.getOldPeersCount() == 0) {
          break;
        }
      } catch (IOException e) {
        last = e;
      }
    }
    if (current == null || current.getOldPeersCount() > 0) {
      throw new IOException("no stable metadata configuration available from the voters", last);
    }
    List<RaftPeer> servers = ProtoUtils.toRaftPeers(current.getPeersList());
    List<RaftPeer> listeners = ProtoUtils.toRaftPeers(current.getListenersList());
    if (listeners.stream().anyMatch(p -> p.getId().equals(self.getId()))) {
      return;
    }
    List<RaftPeer> withSelf = new ArrayList<>(listeners);
    withSelf.add(self);
    RaftClientReply reply = metadataClient.admin().setConfiguration(SetConfigurationRequest.Arguments.newBuilder()
        .setServersInCurrentConf(servers).setListenersInCurrentConf(listeners)
        .setServersInNewConf(servers).setListenersInNewConf(withSelf)
        .setMode(SetConfigurationRequest.Mode.COMPARE_AND_SET).build());
    if (!reply.isSuccess()) {
      throw new IOException(String.valueOf(reply.getException()));
    }
  }

  /** The metadata group as this node's replica sees it. */
  MetadataQuorumView view() throws IOException {
    RaftServer.Division division = server.getDivision(GroupIds.METADATA);
    DivisionInfo info = division.getInfo();
    Map<Integer, Long> silence = new HashMap<>();
    RoleInfoProto role = info.getRoleInfoProto();
    if (role.hasLeaderInfo()) {
      role.getLeaderInfo().getFollowerInfoList().forEach(f -> silence.put(
          RaftNode.nodeIdOf(RaftPeerId.valueOf(f.getId().getId())), f.getLastRpcElapsedTimeMs()));
    }
    return new MetadataQuorumView(GroupAdmin.toConfiguration(division),
        RaftNode.nodeIdOf(info.getLeaderId()), info.getCurrentTerm(), division.getRaftLog().getLastCommittedIndex(),
        silence);
  }

  /**
   * Sets the metadata group's voters and listeners, provided the group's configuration is still
   * {@code expected} (COMPARE_AND_SET: a concurrent change makes this fail, and the caller looks again).
   * Blocking.
   */
  void changeMembers(GroupConfiguration expected, List<ReplicaPeer> voters, List<ReplicaPeer> listeners)
      throws IOException {
    RaftClientReply reply = metadataClient.admin().setConfiguration(SetConfigurationRequest.Arguments.newBuilder()
        .setServersInCurrentConf(GroupAdmin.toPeers(expected.voters()))
        .setListenersInCurrentConf(asListeners(expected.listeners()))
        .setServersInNewConf(GroupAdmin.toPeers(voters)).setListenersInNewConf(asListeners(listeners))
        .setMode(SetConfigurationRequest.Mode.COMPARE_AND_SET).build());
    if (!reply.isSuccess()) {
      throw new IOException(String.valueOf(reply.getException()));
    }
  }

  private static List<RaftPeer> asListeners(List<ReplicaPeer> peers) {
    return GroupAdmin.toPeers(peers).stream()
        .map(p -> RaftPeer.newBuilder(p).setStartupRole(RaftPeerRole.LISTENER).build()).toList();
  }

  private void startEmptyMetadataReplica() throws IOException {
    try {
      RaftClientReply reply = server.groupManagement(GroupManagementRequest.newAdd(clientId, self.getId(),
          callIds.incrementAndGet(), RaftGroup.valueOf(GroupIds.METADATA)));
      if (!reply.isSuccess()) {
        throw new IOException("cannot start a metadata replica: " + reply.getException());
      }
    } catch (AlreadyExistsException e) {
      // Started by an earlier attempt.
    }
  }

  private boolean hostsMetadata() {
    for (RaftGroupId gid : server.getGroupIds()) {
      if (gid.equals(GroupIds.METADATA)) {
        return true;
      }
    }
    return false;
  }
}
