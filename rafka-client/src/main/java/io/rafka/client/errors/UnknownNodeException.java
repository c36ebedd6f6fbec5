package io.rafka.client.errors;

import io.rafka.proto.ErrorCode;

/**
 * The node id names no registered node of the cluster. Fatal: nothing was changed. Immutable, like every
 * exception here.
 */
public class UnknownNodeException extends RafkaException {
  private static final long serialVersionUID = 1L;

  /** An exception with the server's message. */
  public UnknownNodeException(String message) {
    super(ErrorCode.UNKNOWN_NODE, message);
  }
}
