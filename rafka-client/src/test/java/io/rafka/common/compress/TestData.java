package io.rafka.common.compress;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Stateless and thread-safe: deterministic test inputs, made from a seed so a failing case can be replayed. */
final class TestData {
  private static final String[] WORDS = {"id", "user", "event", "page_view", "checkout", "search", "price",
      "country", "session", "https://shop.example.com/products/", "items", "qty", "sku", "name", "true", "false",
      "null", "Mozilla/5.0", "timestamp", "campaign", "referrer", "value", "status", "ok", "error"};

  private TestData() {}

  /** What kind of bytes an input holds. */
  enum Kind { RANDOM, JSON, ZEROS, PATTERN }

  static ByteString make(Kind kind, int size, long seed) {
    return switch (kind) {
      case RANDOM -> random(size, seed);
      case JSON -> json(size, seed);
      case ZEROS -> ByteString.copyFrom(new byte[size]);
      case PATTERN -> pattern(size, seed);
    };
  }

  /** Incompressible bytes. */
  static ByteString random(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return ByteString.copyFrom(bytes);
  }

  /** Newline-separated JSON-like records of about 1 KiB, cut to exactly {@code size} bytes. */
  static ByteString json(int size, long seed) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder(size + 1100);
    long id = 0;
    while (sb.length() < size) {
      int start = sb.length();
      sb.append("{\"id\":").append(id++).append(",\"ts\":").append(1_712_000_000_000L + r.nextInt(1 << 30))
          .append(",\"user\":\"user_").append(r.nextInt(100_000)).append("\",\"session\":\"")
          .append(Long.toHexString(r.nextLong())).append("\",\"fields\":{");
      while (sb.length() - start < 1000) {
        sb.append('"').append(WORDS[r.nextInt(WORDS.length)]).append("\":\"")
            .append(WORDS[r.nextInt(WORDS.length)]).append(r.nextInt(1000)).append("\",");
      }
      sb.append("\"end\":1}}\n");
    }
    sb.setLength(size);
    return ByteString.copyFrom(sb.toString(), StandardCharsets.US_ASCII);
  }

  /** A short random block repeated: very compressible. */
  static ByteString pattern(int size, long seed) {
    Random r = new Random(seed);
    byte[] unit = new byte[1 + r.nextInt(300)];
    r.nextBytes(unit);
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = unit[i % unit.length];
    }
    return ByteString.copyFrom(bytes);
  }
}
