package io.rafka.server.raft;

import java.util.concurrent.CompletableFuture;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.grpc.GrpcFactory;
import org.apache.ratis.grpc.server.GrpcLogAppender;
import org.apache.ratis.rpc.RpcFactory;
import org.apache.ratis.rpc.RpcType;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.leader.FollowerInfo;
import org.apache.ratis.server.leader.LeaderState;
import org.apache.ratis.server.leader.LogAppender;
import org.apache.ratis.proto.RaftProtos.AppendEntriesRequestProto;
import org.apache.ratis.server.raftlog.RaftLog;
import org.apache.ratis.server.raftlog.RaftLogIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.ratis.util.LifeCycle;

/**
 * Ratis's gRPC transport, with one repair (and its log appenders report their followers to
 * {@link FollowerProgress}, for the replica-lag gauges) in the leader's log appender; selected by class name in
 * {@code raft.rpc.type} (Ratis loads a user-defined {@link RpcType} that way). Same wire protocol as GRPC.
 *
 * <p>The repair (RATIS-2523, not in any Ratis release as of 3.3.0): when a follower answers a heartbeat with
 * INCONSISTENCY and a next index below what the leader believes it has matched (its log lost a tail the
 * leader counted, e.g. an uncommitted tail it truncated after a leader change), Ratis moves the follower's
 * next index only down to matchIndex + 1. The next heartbeat then names an entry the follower does not have,
 * the follower answers the same, and the follower never catches up while the leader lives: found by the chaos
 * suite as a replica stuck thousands of entries behind, blocking moves and leadership hand-overs. Here the
 * leader follows the follower's hint for heartbeats; resent entries the follower already has are refused
 * and answered with its commit index, so nothing is appended twice.
 *
 * <p>And one guard: a snapshot can purge the leader's log between the appender's "does this follower need a
 * snapshot?" check and its read of the follower's next entries. Ratis's read then fails ("Log entry not
 * found"), the appender thread dies, and Ratis restarts it only if the follower is already in the
 * configuration: the appender of a replica still being added (staged) is dropped, and that replica gets
 * nothing more from this leader (found by the CI chaos suite: a replica added back during a decommission stayed
 * 13,000 entries behind). Here the appender sends nothing that round instead, and its next round installs a
 * snapshot.
 */
public final class FollowerHintRpcType implements RpcType {
  @Override
  public String name() {
    return FollowerHintRpcType.class.getName();
  }

  @Override
  public RpcFactory newFactory(Parameters parameters) {
    return new Factory(parameters);
  }

  /** The gRPC factory with the repaired log appender. */
  static final class Factory extends GrpcFactory {
    Factory(Parameters parameters) {
      super(parameters);
    }

    @Override
    public LogAppender newLogAppender(RaftServer.Division server, LeaderState state, FollowerInfo follower) {
      return new Appender(server, state, follower);
    }
  }

  /** The gRPC log appender, trusting a follower's next-index hint on inconsistent heartbeats. */
  static final class Appender extends GrpcLogAppender {
    private static final Logger LOG = LoggerFactory.getLogger(Appender.class);

    Appender(RaftServer.Division server, LeaderState state, FollowerInfo follower) {
      super(server, state, follower);
      FollowerProgress.add(server.getMemberId(), follower);
    }

    @Override
    public CompletableFuture<LifeCycle.State> stopAsync() {
      FollowerProgress.remove(getServer().getMemberId(), getFollower());
      return super.stopAsync();
    }

    @Override
    public AppendEntriesRequestProto newAppendEntriesRequest(long callId, boolean heartbeat)
        throws RaftLogIOException {
      if (!heartbeat && purgedPastFollower()) {
        return null;
      }
      try {
        return super.newAppendEntriesRequest(callId, heartbeat);
      } catch (RaftLogIOException e) {
        if (purgedPastFollower()) {
          LOG.info("{}: log purged past {}'s next index {} while reading it; a snapshot goes next", this,
              getFollower().getName(), getFollower().getNextIndex());
          return null;
        }
        throw e;
      }
    }

    /** Whether the follower's next entry is gone from this leader's log: only a snapshot can catch it up. */
    private boolean purgedPastFollower() {
      return getFollower().getNextIndex() < getRaftLog().getStartIndex();
    }

    @Override
    protected long getNextIndexForInconsistency(long requestFirstIndex, long replyNextIndex) {
      long ratis = super.getNextIndexForInconsistency(requestFirstIndex, replyNextIndex);
      boolean heartbeat = requestFirstIndex == RaftLog.INVALID_LOG_INDEX;
      return heartbeat && replyNextIndex >= RaftLog.LEAST_VALID_LOG_INDEX && replyNextIndex < ratis
          ? replyNextIndex : ratis;
    }
  }
}
