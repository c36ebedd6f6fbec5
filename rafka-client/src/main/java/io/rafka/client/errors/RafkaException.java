package io.rafka.client.errors;

import io.rafka.proto.ErrorCode;

/**
 * The root of every error the Rafka client reports. {@link #code()} is the wire error behind it
 * ({@link ErrorCode#NONE} for errors raised in the client itself). Errors that a retry may cure extend
 * {@link RetriableException}; everything else is fatal for the request that got it.
 */
public class RafkaException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ErrorCode code;

  public RafkaException(ErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  public RafkaException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public RafkaException(String message, Throwable cause) {
    this(ErrorCode.NONE, message, cause);
  }

  public ErrorCode code() {
    return code;
  }
}
