package io.rafka.server.raft;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.DivisionInfo;
import org.apache.ratis.server.RaftServer;

/**
 * How far this node's Raft groups have come, read from Ratis without asking other nodes: for /ready, each
 * hosted group's applied index against its leader's commit index; for metrics, each follower's lag on the
 * groups this node leads. Thread-safe.
 */
final class Progress {
  private final RaftServer server;

  Progress(RaftServer server) {
    this.server = server;
  }

  /**
   * Every group this node hosts (the metadata group included): the leader's commit index comes from the commit
   * indices the leader sends with its appends, so a follower knows how far behind it is without asking.
   */
  List<GroupProgress> groups() {
    List<GroupProgress> out = new ArrayList<>();
    for (RaftGroupId gid : server.getGroupIds()) {
      try {
        RaftServer.Division division = server.getDivision(gid);
        DivisionInfo info = division.getInfo();
        RaftPeerId leader = info.getLeaderId();
        long leaderCommit = leader == null ? -1 : division.getCommitInfos().stream()
            .filter(c -> c.getServer().getId().equals(leader.toByteString()))
            .mapToLong(c -> c.getCommitIndex()).max().orElse(-1);
        out.add(new GroupProgress(groupName(gid, division), leader != null && leaderCommit >= 0,
            info.getLastAppliedIndex(), leaderCommit));
      } catch (IOException | RuntimeException e) {
        out.add(new GroupProgress(gid.toString(), false, -1, -1));
      }
    }
    return out;
  }

  /**
   * On a group this node leads: how many entries each follower (by node id) is behind the leader's last log
   * entry, as the leader's log appenders know their match indices; empty when this node does not lead it.
   */
  Map<Integer, Long> followerLags(RaftGroupId gid) {
    try {
      RaftServer.Division division = server.getDivision(gid);
      if (!division.getInfo().isLeader()) {
        return Map.of();
      }
      long last = division.getRaftLog().getLastEntryTermIndex() == null ? 0
          : division.getRaftLog().getLastEntryTermIndex().getIndex();
      Map<Integer, Long> lags = new HashMap<>();
      FollowerProgress.matchIndices(division.getMemberId())
          .forEach((peer, match) -> lags.put(RaftNode.nodeIdOf(peer), Math.max(0, last - match)));
      return lags;
    } catch (IOException e) {
      return Map.of();
    }
  }

  private static String groupName(RaftGroupId gid, RaftServer.Division division) {
    if (gid.equals(GroupIds.METADATA)) {
      return "metadata";
    }
    if (division.getStateMachine() instanceof PartitionStateMachine psm && psm.hasIdentity()) {
      return psm.partitionId().topic() + "-" + psm.partitionId().partition();
    }
    return gid.toString(); // a replica still starting
  }
}
