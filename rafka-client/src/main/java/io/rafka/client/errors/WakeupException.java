package io.rafka.client.errors;

import io.rafka.proto.ErrorCode;

/** Thrown by a blocking consumer call after another thread called {@code wakeup()}. */
public class WakeupException extends RafkaException {
  private static final long serialVersionUID = 1L;

  public WakeupException() {
    super(ErrorCode.NONE, "woken up by another thread");
  }
}
