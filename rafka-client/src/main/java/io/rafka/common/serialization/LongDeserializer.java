package io.rafka.common.serialization;

import java.nio.ByteBuffer;

/** 8 bytes, big-endian (as Kafka's). Stateless and thread-safe. */
public final class LongDeserializer implements Deserializer<Long> {
  @Override
  public Long deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (data.length != Long.BYTES) {
      throw new IllegalArgumentException("a Long needs 8 bytes, got " + data.length);
    }
    return ByteBuffer.wrap(data).getLong();
  }
}
