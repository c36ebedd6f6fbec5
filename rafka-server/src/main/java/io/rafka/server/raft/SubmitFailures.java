package io.rafka.server.raft;

import io.rafka.proto.ErrorCode;
import io.rafka.server.errors.NotLeaderException;
import io.rafka.server.errors.ServerException;
import io.rafka.server.partition.PartitionId;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.exceptions.GroupMismatchException;

/**
 * Turns what Ratis answers to a failed write into Rafka's wire errors, keeping definite apart from
 * indeterminate: a NotLeaderException after the leader took the write means it may still commit, so it
 * becomes LEADERSHIP_LOST, not NOT_LEADER. Stateless.
 */
final class SubmitFailures {
  private SubmitFailures() {}

  /** The wire error for a failed submit to {@code partition} on node {@code nodeId}. */
  static ServerException map(int nodeId, PartitionId partition, Throwable e, Duration timeout) {
    if (e instanceof ServerException se) {
      return se;
    }
    if (e instanceof org.apache.ratis.protocol.exceptions.NotLeaderException nle) {
      RaftPeer suggested = nle.getSuggestedLeader();
      return new LeadershipLost(partition, suggested == null ? -1 : RaftNode.nodeIdOf(suggested.getId()));
    }
    if (e instanceof org.apache.ratis.protocol.exceptions.LeaderSteppingDownException) {
      return new LeadershipLost(partition, -1);
    }
    if (e instanceof org.apache.ratis.protocol.exceptions.LeaderNotReadyException) {
      return new ServerException(ErrorCode.LEADER_NOT_AVAILABLE, "the leader of " + partition + " is not ready");
    }
    if (e instanceof TimeoutException) {
      return new ServerException(ErrorCode.REQUEST_TIMED_OUT, "the write to " + partition
          + " did not commit within " + (timeout == null ? "the timeout" : timeout.toMillis() + " ms"));
    }
    if (e instanceof org.apache.ratis.protocol.exceptions.AlreadyClosedException
        || e instanceof GroupMismatchException) {
      return new ServerException(ErrorCode.REPLICA_NOT_AVAILABLE, "the replica of " + partition
          + " on node " + nodeId + " is closed");
    }
    if (e instanceof org.apache.ratis.protocol.exceptions.ResourceUnavailableException) {
      return new ServerException(ErrorCode.REQUEST_TIMED_OUT, "the leader of " + partition
          + " has too many writes pending; retry later");
    }
    return new ServerException(ErrorCode.UNKNOWN_SERVER_ERROR, "write to " + partition + " failed: " + e, e);
  }

  /** The leader took the write but stepped down before it committed: indeterminate. */
  private static final class LeadershipLost extends ServerException {
    private static final long serialVersionUID = 1L;
    private final int leaderHint;

    LeadershipLost(PartitionId partition, int leaderHint) {
      super(ErrorCode.LEADERSHIP_LOST, "the leader of " + partition + " stepped down before the write "
          + "committed; it may or may not be written");
      this.leaderHint = leaderHint;
    }
  }

  /** The leader hint carried by a failure, or -1. */
  static int leaderHint(Throwable e) {
    if (e instanceof NotLeaderException n) {
      return n.leaderNodeId();
    }
    if (e instanceof LeadershipLost l) {
      return l.leaderHint;
    }
    return -1;
  }
}
