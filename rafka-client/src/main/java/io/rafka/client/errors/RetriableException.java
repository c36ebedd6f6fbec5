package io.rafka.client.errors;

import io.rafka.proto.ErrorCode;

/** An error that may go away if the request is sent again, perhaps after a metadata refresh. */
public class RetriableException extends RafkaException {
  private static final long serialVersionUID = 1L;

  public RetriableException(ErrorCode code, String message) {
    super(code, message);
  }

  public RetriableException(ErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
