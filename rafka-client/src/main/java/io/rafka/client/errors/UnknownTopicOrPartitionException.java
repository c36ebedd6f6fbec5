package io.rafka.client.errors;

import io.rafka.proto.ErrorCode;

/** The topic or partition does not exist (or this client's metadata has not seen it yet). */
public class UnknownTopicOrPartitionException extends RetriableException {
  private static final long serialVersionUID = 1L;

  public UnknownTopicOrPartitionException(String message) {
    super(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, message);
  }
}
