package io.rafka.client.errors;

import io.rafka.proto.ErrorCode;

/** The topic name is not legal. */
public class InvalidTopicException extends RafkaException {
  private static final long serialVersionUID = 1L;

  public InvalidTopicException(String message) {
    super(ErrorCode.INVALID_TOPIC, message);
  }
}
