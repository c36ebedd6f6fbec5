package io.rafka.client.errors;

import io.rafka.proto.ErrorCode;

/** A record or batch is larger than the topic (or this client) accepts. */
public class RecordTooLargeException extends RafkaException {
  private static final long serialVersionUID = 1L;

  public RecordTooLargeException(String message) {
    super(ErrorCode.RECORD_TOO_LARGE, message);
  }
}
