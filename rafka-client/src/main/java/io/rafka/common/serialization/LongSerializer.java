package io.rafka.common.serialization;

import java.nio.ByteBuffer;

/** 8 bytes, big-endian (as Kafka's). Stateless and thread-safe. */
public final class LongSerializer implements Serializer<Long> {
  @Override
  public byte[] serialize(String topic, Long data) {
    return data == null ? null : ByteBuffer.allocate(Long.BYTES).putLong(data).array();
  }
}
