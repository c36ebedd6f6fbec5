package io.rafka.server.errors;

import io.rafka.proto.ErrorCode;

/**
 * A request failed with a wire error code. Thrown inside the server and turned into the response's
 * {@code Error} by the RPC layer; the message names the problem for the client.
 */
public class ServerException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ErrorCode code;

  public ServerException(ErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  public ServerException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}
