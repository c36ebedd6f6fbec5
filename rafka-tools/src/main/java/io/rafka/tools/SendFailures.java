package io.rafka.tools;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts failed sends and keeps the first error; later errors are usually consequences of the first, so only
 * it is reported. Thread-safe: sends fail on the producer's I/O thread and in the sending thread.
 */
final class SendFailures {
  private final LongAdder count = new LongAdder();
  private final AtomicReference<Throwable> first = new AtomicReference<>();

  void record(Throwable error) {
    first.compareAndSet(null, error);
    count.increment();
  }

  long count() {
    return count.sum();
  }

  Optional<Throwable> first() {
    return Optional.ofNullable(first.get());
  }
}
