package io.rafka.server.membership;

import io.rafka.proto.ChangeMetadataVotersRequest;
import io.rafka.proto.ChangeMetadataVotersResponse;
import io.rafka.proto.DescribeMetadataQuorumResponse;
import io.rafka.proto.ErrorCode;
import io.rafka.proto.MetadataPeer;
import io.rafka.server.errors.Errors;
import io.rafka.server.errors.ServerException;
import io.rafka.server.metadata.ClusterImage;
import io.rafka.server.metadata.NodeInfo;
import io.rafka.server.metadata.ReplicaPeer;
import io.rafka.server.raft.GroupConfiguration;
import io.rafka.server.raft.MetadataQuorumView;
import io.rafka.server.raft.RaftNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The metadata group's voters: describe them, promote a registered node (a listener) to voter, demote one, or
 * replace one in a single configuration change. Refuses changes that would leave the group without a voter or
 * without a live majority, before and after the change (Raft's joint consensus needs both). The new voter
 * set lives in the group's own Raft configuration; {@code metadata.voters} in the nodes' config files is only
 * how a node finds the group when it starts, so update it to the new voters. Thread-safe.
 */
public final class MetadataVoterAdmin {
  private final RaftNode raft;

  public MetadataVoterAdmin(RaftNode raft) {
    this.raft = raft;
  }

  public DescribeMetadataQuorumResponse describe() {
    MetadataQuorumView q = quorum();
    DescribeMetadataQuorumResponse.Builder b = DescribeMetadataQuorumResponse.newBuilder().setError(Errors.NONE)
        .setLeader(q.leader()).setTerm(q.term()).setCommitIndex(q.commitIndex());
    q.configuration().voters().forEach(p -> b.addPeers(peer(q, p, "VOTER")));
    q.configuration().listeners().forEach(p -> b.addPeers(peer(q, p, "LISTENER")));
    return b.build();
  }

  private static MetadataPeer peer(MetadataQuorumView q, ReplicaPeer p, String role) {
    Long silence = q.silenceMs().get(p.nodeId());
    return MetadataPeer.newBuilder().setNodeId(p.nodeId()).setRaftAddress(p.raftAddress()).setRole(role)
        .setLeader(p.nodeId() == q.leader()).setLastContactMs(silence == null ? -1 : silence).build();
  }

  public CompletableFuture<ChangeMetadataVotersResponse> change(ChangeMetadataVotersRequest request) {
    MetadataQuorumView q = quorum();
    GroupConfiguration conf = q.configuration();
    if (!conf.stable()) {
      throw new ServerException(ErrorCode.REASSIGNMENT_IN_PROGRESS, "the metadata group is changing its voters; "
          + "try again once that is done");
    }
    ClusterImage image = raft.metadataImage();
    List<ReplicaPeer> voters = new ArrayList<>(conf.voters());
    List<ReplicaPeer> listeners = new ArrayList<>(conf.listeners());
    switch (request.getChangeCase()) {
      case ADD_VOTER -> promote(image, voters, listeners, request.getAddVoter());
      case REMOVE_VOTER -> demote(image, voters, listeners, request.getRemoveVoter());
      case REPLACE -> {
        promote(image, voters, listeners, request.getReplace().getNewVoter());
        demote(image, voters, listeners, request.getReplace().getOldVoter());
      }
      default -> throw new ServerException(ErrorCode.INVALID_REQUEST, "say which change: add_voter, remove_voter "
          + "or replace");
    }
    checkMajority(image, "now", conf.voters());
    checkMajority(image, "after the change", voters);
    return raft.changeMetadataMembers(conf, voters, listeners).thenApply(v -> ChangeMetadataVotersResponse
        .newBuilder().setError(Errors.NONE).addAllVoters(voters.stream().map(ReplicaPeer::nodeId).sorted().toList())
        .build());
  }

  private static void promote(ClusterImage image, List<ReplicaPeer> voters, List<ReplicaPeer> listeners, int id) {
    NodeInfo node = image.nodes().get(id);
    if (node == null) {
      throw new ServerException(ErrorCode.UNKNOWN_NODE, "node " + id + " is not a registered node");
    }
    if (voters.stream().anyMatch(p -> p.nodeId() == id)) {
      throw NodeAdmin.refusal("node " + id + " is already a metadata voter");
    }
    if (node.isDown()) {
      throw NodeAdmin.refusal("node " + id + " is down; a new voter must be alive to catch up");
    }
    ReplicaPeer listener = listeners.stream().filter(p -> p.nodeId() == id).findFirst().orElseThrow(
        () -> NodeAdmin.refusal("node " + id + " is not a member of the metadata group yet; wait until it has "
            + "joined as a listener"));
    listeners.remove(listener);
    voters.add(new ReplicaPeer(id, listener.raftAddress(), 0));
  }

  private static void demote(ClusterImage image, List<ReplicaPeer> voters, List<ReplicaPeer> listeners, int id) {
    ReplicaPeer voter = voters.stream().filter(p -> p.nodeId() == id).findFirst().orElseThrow(
        () -> NodeAdmin.refusal("node " + id + " is not a metadata voter"));
    voters.remove(voter);
    if (voters.isEmpty()) {
      throw NodeAdmin.refusal("node " + id + " is the last metadata voter; add another voter first");
    }
    if (image.nodes().containsKey(id)) {
      listeners.add(new ReplicaPeer(id, voter.raftAddress(), 0));
    }
  }

  private static void checkMajority(ClusterImage image, String when, List<ReplicaPeer> voters) {
    List<Integer> alive = voters.stream().map(ReplicaPeer::nodeId)
        .filter(n -> image.node(n).map(x -> !x.isDown()).orElse(false)).toList();
    if (alive.size() < voters.size() / 2 + 1) {
      throw NodeAdmin.refusal("the metadata voters " + when + " would be " + voters.stream()
          .map(ReplicaPeer::nodeId).toList() + " of which only " + alive + " are alive, fewer than a majority");
    }
  }

  private MetadataQuorumView quorum() {
    return raft.metadataQuorum().orElseThrow(() -> new ServerException(ErrorCode.METADATA_UNAVAILABLE,
        "this node has not joined the metadata group yet"));
  }
}
