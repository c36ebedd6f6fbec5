package io.rafka.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThrottlerTest {
  /** A clock that only moves when the throttler sleeps (by {@code overshoot} more than asked) or a test moves it. */
  private static final class FakeTime {
    long now = 1_000_000_007L; // not zero: the schedule must be relative to the first record
    long overshoot;
    final List<Long> sleeps = new ArrayList<>();

    Throttler throttler(double recordsPerSecond) {
      return Throttler.perSecond(recordsPerSecond, () -> now, nanos -> {
        sleeps.add(nanos);
        now += nanos + overshoot;
      });
    }
  }

  @Test
  void releasesEachRecordExactlyWhenItIsDue() throws InterruptedException {
    FakeTime time = new FakeTime();
    Throttler throttler = time.throttler(1000);
    long start = time.now;
    List<Long> releasedAt = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      throttler.acquire();
      releasedAt.add(time.now - start);
    }
    assertEquals(List.of(0L, 1_000_000L, 2_000_000L, 3_000_000L, 4_000_000L), releasedAt);
    assertEquals(List.of(1_000_000L, 1_000_000L, 1_000_000L, 1_000_000L), time.sleeps);
  }

  @Test
  void sleepsOnlyForWhatIsLeftWhenTheSenderItselfTookTime() throws InterruptedException {
    FakeTime time = new FakeTime();
    Throttler throttler = time.throttler(100); // one every 10 ms
    throttler.acquire();
    time.now += 7_000_000; // sending took 7 ms
    throttler.acquire();
    assertEquals(List.of(3_000_000L), time.sleeps);
  }

  @Test
  void doesNotSleepWhileBehindScheduleAndThenResumesIt() throws InterruptedException {
    FakeTime time = new FakeTime();
    Throttler throttler = time.throttler(10); // one every 100 ms
    throttler.acquire();
    time.now += 1_000_000_000; // a stall of one second: records 1 to 10 are due by now
    for (int i = 1; i <= 10; i++) {
      throttler.acquire();
    }
    assertTrue(time.sleeps.isEmpty(), time.sleeps.toString());
    throttler.acquire(); // record 11 is due 100 ms after record 10
    assertEquals(List.of(100_000_000L), time.sleeps);
  }

  @Test
  void lateWakeUpsDoNotAddUpOverALongRun() throws InterruptedException {
    FakeTime time = new FakeTime();
    time.overshoot = 60_000; // the OS wakes the thread 60 µs late every time
    Throttler throttler = time.throttler(3); // 333,333,333.3 ns apart: whole nanoseconds would drift
    long start = time.now;
    for (int i = 0; i <= 300_000; i++) {
      throttler.acquire();
    }
    // Record 300,000 is due at exactly 100,000 s; it comes one overshoot late, no more. Adding up whole
    // nanoseconds, or the overshoots, would have made it 100 µs, or 18 s, late.
    assertEquals(100_000_000_000_000L + 60_000, time.now - start);
  }

  @Test
  void sleepsAgainAfterAnEarlyWakeUp() throws InterruptedException {
    FakeTime time = new FakeTime();
    List<Long> sleeps = new ArrayList<>();
    // parkNanos may return early (a spurious wake-up): the first sleep ends 0.4 ms too soon.
    Throttler throttler = Throttler.perSecond(1000, () -> time.now, nanos -> {
      time.now += sleeps.isEmpty() ? nanos - 400_000 : nanos;
      sleeps.add(nanos);
    });
    long start = time.now;
    throttler.acquire();
    throttler.acquire();
    assertEquals(1_000_000, time.now - start);
    assertEquals(List.of(1_000_000L, 400_000L), sleeps);
  }

  @Test
  void unlimitedNeverWaits() throws InterruptedException {
    Throttler throttler = Throttler.unlimited();
    for (int i = 0; i < 1_000; i++) {
      throttler.acquire();
    }
  }

  @Test
  void refusesRatesThatAreNotPositiveAndFinite() {
    for (double rate : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThrows(IllegalArgumentException.class, () -> Throttler.perSecond(rate, () -> 0, nanos -> { }));
    }
  }

  @Test
  void parkingFailsRatherThanSpinsOnAnInterruptedThread() {
    Thread.currentThread().interrupt();
    // parkNanos returns at once for an interrupted thread, so this does not sleep.
    assertThrows(InterruptedException.class, () -> Throttler.PARK.sleep(60_000_000_000L));
    assertFalse(Thread.currentThread().isInterrupted());
  }
}
