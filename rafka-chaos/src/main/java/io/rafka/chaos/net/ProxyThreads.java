package io.rafka.chaos.net;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts the daemon threads of one pair proxy, named {@code chaos-proxy-<from>-<to>-<role>}, and remembers them so
 * that closing the proxy can wait for every one to end. Thread-safe.
 */
final class ProxyThreads {
  private final String namePrefix;
  private final Set<Thread> started = ConcurrentHashMap.newKeySet();

  ProxyThreads(Link link) {
    this.namePrefix = "chaos-proxy-" + link.from() + "-" + link.to() + "-";
  }

  Thread start(String role, Runnable body) {
    // Ended threads are dropped here rather than by themselves: a thread that is still finishing must stay
    // visible to awaitAll, or close() could return while it is alive.
    started.removeIf(thread -> !thread.isAlive());
    Thread thread = new Thread(body, namePrefix + role);
    thread.setDaemon(true);
    started.add(thread);
    thread.start();
    return thread;
  }

  /**
   * Waits up to {@code timeout} for every thread started here, including any started while waiting, to end.
   *
   * @return the names of the threads still alive at the deadline; empty when all ended
   */
  List<String> awaitAll(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<Thread> alive = new ArrayList<>();
      for (Thread thread : started) {
        if (thread.isAlive()) {
          alive.add(thread);
        }
      }
      if (alive.isEmpty()) {
        return List.of();
      }
      for (Thread thread : alive) {
        long remainingMillis = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        thread.join(remainingMillis);
      }
      if (System.nanoTime() - deadline >= 0) {
        return alive.stream().filter(Thread::isAlive).map(Thread::getName).toList();
      }
    }
  }
}
