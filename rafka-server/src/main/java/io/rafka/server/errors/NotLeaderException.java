package io.rafka.server.errors;

import io.rafka.proto.ErrorCode;

/** This node is not the partition's leader; {@link #leaderNodeId()} is the leader it knows of, or -1. */
public final class NotLeaderException extends ServerException {
  private static final long serialVersionUID = 1L;
  private final int leaderNodeId;

  public NotLeaderException(String message, int leaderNodeId) {
    super(ErrorCode.NOT_LEADER, message);
    this.leaderNodeId = leaderNodeId;
  }

  public int leaderNodeId() {
    return leaderNodeId;
  }
}
