package io.rafka.common.serialization;

import java.nio.ByteBuffer;

/** 4 bytes, big-endian (as Kafka's). Stateless and thread-safe. */
public final class IntegerDeserializer implements Deserializer<Integer> {
  @Override
  public Integer deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (data.length != Integer.BYTES) {
      throw new IllegalArgumentException("an Integer needs 4 bytes, got " + data.length);
    }
    return ByteBuffer.wrap(data).getInt();
  }
}
