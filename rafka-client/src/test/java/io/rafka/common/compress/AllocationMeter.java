package io.rafka.common.compress;

import java.lang.management.ManagementFactory;

/** Stateless and thread-safe: how many heap bytes the calling thread allocates while running some code. */
final class AllocationMeter {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private AllocationMeter() {}

  /** Code to measure, which may throw. */
  @FunctionalInterface
  interface Action {
    void run() throws Exception;
  }

  /** The result of a measured run: what it allocated and what it threw, if anything. */
  record Measured(long allocatedBytes, long nanos, Exception thrown) {}

  static boolean supported() {
    return THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled();
  }

  static Measured measure(Action action) {
    long before = THREADS.getCurrentThreadAllocatedBytes();
    long start = System.nanoTime();
    Exception thrown = null;
    try {
      action.run();
    } catch (Exception e) {
      thrown = e;
    }
    long nanos = System.nanoTime() - start;
    return new Measured(THREADS.getCurrentThreadAllocatedBytes() - before, nanos, thrown);
  }
}
