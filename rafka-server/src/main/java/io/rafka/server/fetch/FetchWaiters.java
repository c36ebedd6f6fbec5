package io.rafka.server.fetch;

import io.rafka.server.partition.AppendListener;
import io.rafka.server.partition.PartitionId;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Long-poll fetches parked until one of their partitions grows. A parked fetch is woken once (on the wake
 * executor, never on the apply thread that appended) and parks again if it still wants more.
 * Thread-safe.
 */
public final class FetchWaiters implements AppendListener {
  private final Map<Key, Set<Waiter>> byPartition = new ConcurrentHashMap<>();
  private final Executor wakeExecutor;

  public FetchWaiters(Executor wakeExecutor) {
    this.wakeExecutor = wakeExecutor;
  }

  /** Parks {@code wake} on these partitions until the next append to any of them. */
  public Waiter park(Collection<Key> partitions, Runnable wake) {
    Waiter w = new Waiter(partitions, wake);
    for (Key k : partitions) {
      byPartition.computeIfAbsent(k, x -> ConcurrentHashMap.newKeySet()).add(w);
    }
    return w;
  }

  /** Unparks a waiter that no longer needs waking. */
  public void cancel(Waiter w) {
    w.fired.set(true);
    remove(w);
  }

  @Override
  public void onAppend(PartitionId partition) {
    Set<Waiter> waiters = byPartition.get(new Key(partition.topic(), partition.partition()));
    if (waiters == null || waiters.isEmpty()) {
      return;
    }
    for (Waiter w : waiters) {
      if (w.fired.compareAndSet(false, true)) {
        remove(w);
        wakeExecutor.execute(w.wake);
      }
    }
  }

  private void remove(Waiter w) {
    for (Key k : w.partitions) {
      byPartition.computeIfPresent(k, (key, set) -> {
        set.remove(w);
        return set.isEmpty() ? null : set;
      });
    }
  }

  /** Number of parked fetches (for metrics). */
  public int parked() {
    return (int) byPartition.values().stream().flatMap(Set::stream).distinct().count();
  }

  /** A partition by topic name and index. */
  public record Key(String topic, int partition) {}

  /** One parked fetch. */
  public static final class Waiter {
    private final Collection<Key> partitions;
    private final Runnable wake;
    private final AtomicBoolean fired = new AtomicBoolean();

    private Waiter(Collection<Key> partitions, Runnable wake) {
      this.partitions = partitions;
      this.wake = wake;
    }
  }
}
