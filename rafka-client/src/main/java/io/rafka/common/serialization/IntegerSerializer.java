package io.rafka.common.serialization;

import java.nio.ByteBuffer;

/** 4 bytes, big-endian (as Kafka's). Stateless and thread-safe. */
public final class IntegerSerializer implements Serializer<Integer> {
  @Override
  public byte[] serialize(String topic, Integer data) {
    return data == null ? null : ByteBuffer.allocate(Integer.BYTES).putInt(data).array();
  }
}
