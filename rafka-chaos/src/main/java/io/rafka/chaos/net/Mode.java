package io.rafka.chaos.net;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/** What a {@link PairProxy} does with the bytes it carries. Immutable. */
public record Mode(Kind kind, Duration delay) {
  /** The kinds of behaviour; only {@link Kind#DELAY} has a non-zero {@link Mode#delay()}. */
  public enum Kind {
    /** Forward at once. */
    PASS,
    /** Forward each chunk once it has waited {@link Mode#delay()} in the proxy, in order. */
    DELAY,
    /** Hold every byte, in order, without closing anything: a network partition as TCP sees it. */
    BLACKHOLE,
    /** Abort every connection with a TCP RST and keep doing so to new ones. */
    RESET
  }

  public static final Mode PASS = new Mode(Kind.PASS, Duration.ZERO);
  public static final Mode BLACKHOLE = new Mode(Kind.BLACKHOLE, Duration.ZERO);
  public static final Mode RESET = new Mode(Kind.RESET, Duration.ZERO);

  public Mode {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(delay, "delay");
    if ((kind == Kind.DELAY) != (delay.compareTo(Duration.ZERO) > 0)) {
      throw new IllegalArgumentException("delay must be positive for DELAY and zero otherwise, got " + kind
          + " with delay " + delay);
    }
  }

  /** Forwards with {@code extraLatency} added to every chunk, in each direction. */
  public static Mode delay(Duration extraLatency) {
    return new Mode(Kind.DELAY, extraLatency);
  }

  /** Whether bytes move at all (possibly late). */
  public boolean forwards() {
    return kind == Kind.PASS || kind == Kind.DELAY;
  }

  @Override
  public String toString() {
    return kind == Kind.DELAY ? "delay " + delay.toMillis() + "ms" : kind.name().toLowerCase(Locale.ROOT);
  }
}
