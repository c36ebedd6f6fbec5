package io.rafka.common.serialization;

/** Bytes as they are. Stateless and thread-safe. */
public final class ByteArrayDeserializer implements Deserializer<byte[]> {
  @Override
  public byte[] deserialize(String topic, byte[] data) {
    return data;
  }
}
