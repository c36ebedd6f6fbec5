package io.rafka.client.errors;

import io.rafka.proto.ErrorCode;

/**
 * A request did not complete in time. For a write this is indeterminate: the records may or may not have
 * been written.
 */
public class TimeoutException extends RetriableException {
  private static final long serialVersionUID = 1L;

  public TimeoutException(String message) {
    super(ErrorCode.REQUEST_TIMED_OUT, message);
  }

  public TimeoutException(String message, Throwable cause) {
    super(ErrorCode.REQUEST_TIMED_OUT, message, cause);
  }
}
