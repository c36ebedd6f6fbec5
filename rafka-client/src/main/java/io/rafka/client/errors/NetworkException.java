package io.rafka.client.errors;

import io.rafka.proto.ErrorCode;

/** A node could not be reached, or the connection broke before an answer came. Indeterminate for writes. */
public class NetworkException extends RetriableException {
  private static final long serialVersionUID = 1L;

  public NetworkException(String message, Throwable cause) {
    super(ErrorCode.NONE, message, cause);
  }
}
