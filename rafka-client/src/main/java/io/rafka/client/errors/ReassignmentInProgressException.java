package io.rafka.client.errors;

import io.rafka.proto.ErrorCode;

/**
 * The partition's replicas are being moved, so it takes no other change until the move is done. Nothing
 * was changed; the same change may be sent again later. Immutable, like every exception here.
 */
public class ReassignmentInProgressException extends RetriableException {
  private static final long serialVersionUID = 1L;

  /** An exception with the server's message. */
  public ReassignmentInProgressException(String message) {
    super(ErrorCode.REASSIGNMENT_IN_PROGRESS, message);
  }
}
