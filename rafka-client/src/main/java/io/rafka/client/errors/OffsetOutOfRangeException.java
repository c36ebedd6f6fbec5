package io.rafka.client.errors;

import io.rafka.proto.ErrorCode;

/** A fetch offset outside the partition's log; carries the valid range when the server sent it. */
public class OffsetOutOfRangeException extends RafkaException {
  private static final long serialVersionUID = 1L;
  private final long logStartOffset;
  private final long highWatermark;

  public OffsetOutOfRangeException(String message, long logStartOffset, long highWatermark) {
    super(ErrorCode.OFFSET_OUT_OF_RANGE, message);
    this.logStartOffset = logStartOffset;
    this.highWatermark = highWatermark;
  }

  public long logStartOffset() {
    return logStartOffset;
  }

  public long highWatermark() {
    return highWatermark;
  }
}
