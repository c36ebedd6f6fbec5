package io.rafka.client.errors;

import io.rafka.proto.ErrorCode;

/**
 * A cluster or Raft-group membership change the cluster refused because it would leave the cluster unsafe
 * (the last node, a metadata voter without a replacement, a partition without a quorum) or does not apply
 * (a live node removed with force); the message says why. Fatal: nothing was changed. Immutable, like every
 * exception here.
 */
public class InvalidMembershipChangeException extends RafkaException {
  private static final long serialVersionUID = 1L;

  /** An exception with the server's message. */
  public InvalidMembershipChangeException(String message) {
    super(ErrorCode.INVALID_MEMBERSHIP_CHANGE, message);
  }
}
