package io.rafka.client.errors;

import io.rafka.proto.ErrorCode;

/**
 * A commit the group refused for good: the member is no longer in the group (its session expired) or its
 * generation is stale, or the offset would move backwards. Rejoining (the next poll does) fixes the first two.
 */
public class CommitFailedException extends RafkaException {
  private static final long serialVersionUID = 1L;

  public CommitFailedException(ErrorCode code, String message) {
    super(code, message);
  }
}
