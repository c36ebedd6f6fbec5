package io.rafka.client.errors;

import io.rafka.proto.ErrorCode;

/** A topic with that name already exists. */
public class TopicExistsException extends RafkaException {
  private static final long serialVersionUID = 1L;

  public TopicExistsException(String message) {
    super(ErrorCode.TOPIC_ALREADY_EXISTS, message);
  }
}
