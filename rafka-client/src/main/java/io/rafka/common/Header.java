package io.rafka.common;

import java.util.Arrays;
import java.util.Objects;

/** A record header: a string key and bytes. Immutable (the value array must not be changed after use). */
public record Header(String key, byte[] value) {
  public Header {
    Objects.requireNonNull(key, "header key");
    value = value == null ? new byte[0] : value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Header h && h.key.equals(key) && Arrays.equals(h.value, value);
  }

  @Override
  public int hashCode() {
    return key.hashCode() * 31 + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "Header[" + key + "=" + value.length + " bytes]";
  }
}
