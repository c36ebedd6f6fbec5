package io.rafka.client.internals;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: attempt n waits about base * 2^n, capped at max, each wait drawn from
 * [50%, 100%] of that so that many clients retrying together spread out. Immutable and thread-safe.
 */
public record Backoff(long baseMs, long maxMs) {
  public Backoff {
    if (baseMs < 0 || maxMs < baseMs) {
      throw new IllegalArgumentException("backoff needs 0 <= baseMs <= maxMs, got " + baseMs + ", " + maxMs);
    }
  }

  public long delayMs(int attempt) {
    double exp = baseMs * Math.pow(2, Math.min(attempt, 30));
    long cap = (long) Math.min(maxMs, exp);
    return cap <= 1 ? cap : ThreadLocalRandom.current().nextLong(cap / 2, cap + 1);
  }
}
