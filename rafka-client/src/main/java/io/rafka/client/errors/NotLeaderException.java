package io.rafka.client.errors;

import io.rafka.proto.ErrorCode;

/** The node asked is not the partition's leader (or stopped being it); refresh metadata and retry. */
public class NotLeaderException extends RetriableException {
  private static final long serialVersionUID = 1L;

  public NotLeaderException(ErrorCode code, String message) {
    super(code, message);
  }
}
