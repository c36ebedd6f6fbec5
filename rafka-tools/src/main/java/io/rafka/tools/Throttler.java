package io.rafka.tools;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Paces records to a target rate by a fixed schedule: record {@code i} is due {@code i / rate} seconds after
 * the first one, and {@link #acquire()} sleeps until the next record is due. Not thread-safe; one sending
 * thread uses it.
 *
 * <p>Each due time is computed from the start rather than from the previous record, so sleeps that overshoot
 * (the OS wakes a thread late, tens of microseconds at best) never add up to drift: a record that is late is
 * released at once, and the run catches up to the schedule instead of falling ever further behind it. The
 * cost of that is a short burst after a stall, as with Kafka's ThroughputThrottler.
 */
final class Throttler {
  /** How the throttler waits; the real one parks the thread, tests advance a fake clock instead. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(long nanos) throws InterruptedException;
  }

  /**
   * Parks rather than {@code Thread.sleep}, whose Java 17 form rounds to whole milliseconds: at thousands of
   * records per second the gaps are far shorter than that.
   */
  static final Sleeper PARK = nanos -> {
    LockSupport.parkNanos(nanos);
    // parkNanos returns at once, again and again, on an interrupted thread: fail instead of spinning.
    if (Thread.interrupted()) {
      throw new InterruptedException("interrupted while throttling");
    }
  };

  private static final double NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

  /** Zero when unthrottled. */
  private final double recordsPerSecond;
  private final LongSupplier nanoClock;
  private final Sleeper sleeper;
  private long startNanos;
  private long acquired;

  private Throttler(double recordsPerSecond, LongSupplier nanoClock, Sleeper sleeper) {
    this.recordsPerSecond = recordsPerSecond;
    this.nanoClock = nanoClock;
    this.sleeper = sleeper;
  }

  /** A throttler that never waits. */
  static Throttler unlimited() {
    return new Throttler(0, System::nanoTime, PARK);
  }

  /**
   * A throttler that lets {@code recordsPerSecond} records through each second.
   *
   * @param nanoClock {@code System::nanoTime}, or a fake clock in tests
   * @param sleeper {@link #PARK}, or a fake that advances the fake clock
   * @throws IllegalArgumentException when the rate is not a positive finite number
   */
  static Throttler perSecond(double recordsPerSecond, LongSupplier nanoClock, Sleeper sleeper) {
    if (!(recordsPerSecond > 0) || Double.isInfinite(recordsPerSecond)) {
      throw new IllegalArgumentException("the rate must be positive and finite, was " + recordsPerSecond);
    }
    return new Throttler(recordsPerSecond, nanoClock, sleeper);
  }

  /**
   * Returns when the next record may be sent: at once for the first record, which starts the schedule, and
   * for any record that is already due; otherwise after sleeping until it is due.
   */
  void acquire() throws InterruptedException {
    if (recordsPerSecond == 0) {
      return;
    }
    long index = acquired++;
    if (index == 0) {
      startNanos = nanoClock.getAsLong();
      return;
    }
    // Computing each due time afresh, multiplying before dividing, keeps the fraction of a nanosecond that a
    // rate such as 3/s leaves between records: record i is due at i / rate seconds, to the nanosecond, however
    // long the run. The cast saturates rather than overflows for absurdly slow rates.
    long dueAfterStart = (long) (index * NANOS_PER_SECOND / recordsPerSecond);
    // Differences of nanoTime values, never the values themselves, can be compared.
    long early;
    while ((early = dueAfterStart - (nanoClock.getAsLong() - startNanos)) > 0) {
      sleeper.sleep(early);
    }
  }
}
