package io.rafka.common.serialization;

import java.nio.charset.StandardCharsets;

/** UTF-8. Stateless and thread-safe. */
public final class StringSerializer implements Serializer<String> {
  @Override
  public byte[] serialize(String topic, String data) {
    return data == null ? null : data.getBytes(StandardCharsets.UTF_8);
  }
}
