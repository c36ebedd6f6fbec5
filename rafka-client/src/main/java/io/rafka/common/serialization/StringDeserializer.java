package io.rafka.common.serialization;

import java.nio.charset.StandardCharsets;

/** UTF-8. Stateless and thread-safe. */
public final class StringDeserializer implements Deserializer<String> {
  @Override
  public String deserialize(String topic, byte[] data) {
    return data == null ? null : new String(data, StandardCharsets.UTF_8);
  }
}
