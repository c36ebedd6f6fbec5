package io.rafka.chaos.net;

import java.util.concurrent.TimeUnit;

/**
 * The current {@link Mode} of one proxy, and the waits its forwarding threads do on it. Thread-safe: one gate
 * is shared by every connection of a proxy, and every wait wakes when the mode changes.
 */
final class ModeGate {
  private volatile Mode mode = Mode.PASS;

  Mode mode() {
    return mode;
  }

  synchronized void set(Mode newMode) {
    mode = newMode;
    notifyAll();
  }

  /** Blocks while the mode forwards nothing, so a partition stops reading and TCP pushes back on the sender. */
  void awaitForwarding() throws InterruptedException {
    if (mode.forwards()) {
      return;
    }
    synchronized (this) {
      while (!mode.forwards()) {
        wait();
      }
    }
  }

  /**
   * Blocks until something that entered the proxy at {@code enteredAtNanos} ({@link System#nanoTime}) may leave it:
   * at once in PASS, once the delay has passed since it entered in DELAY, and not before the mode forwards again
   * otherwise.
   */
  void awaitDue(long enteredAtNanos) throws InterruptedException {
    if (mode.kind() == Mode.Kind.PASS) {
      return;
    }
    synchronized (this) {
      while (true) {
        Mode current = mode;
        if (!current.forwards()) {
          wait();
          continue;
        }
        long waitNanos = enteredAtNanos + current.delay().toNanos() - System.nanoTime();
        if (waitNanos <= 0) {
          return;
        }
        TimeUnit.NANOSECONDS.timedWait(this, waitNanos);
      }
    }
  }
}
