package io.rafka.tools;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the first of the errors reported to it, from any thread; later ones are dropped because they are
 * usually consequences of the first. Thread-safe.
 */
final class FirstError {
  private final AtomicReference<Throwable> first = new AtomicReference<>();

  void record(Throwable error) {
    first.compareAndSet(null, error);
  }

  boolean recorded() {
    return first.get() != null;
  }

  /** Throws the first error, if there was one. */
  void rethrow() throws Exception {
    Throwable error = first.get();
    if (error == null) {
      return;
    }
    if (error instanceof Error e) {
      throw e;
    }
    throw error instanceof Exception e ? e : new RuntimeException(error);
  }
}
