package io.rafka.server.common;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one source of the server's own threads: each is named after its role (plus a counter when a role has
 * several), is a daemon, and logs anything it lets escape. Thread-safe.
 */
public final class Threads {
  private static final Logger LOG = LoggerFactory.getLogger(Threads.class);

  private Threads() {}

  /** A factory for threads of one role, named {@code role} (one thread) or {@code role-N}. */
  public static ThreadFactory factory(String role) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      int n = counter.getAndIncrement();
      Thread t = new Thread(runnable, n == 0 ? role : role + "-" + n);
      t.setDaemon(true);
      t.setUncaughtExceptionHandler((thread, e) -> LOG.error("thread {} died", thread.getName(), e));
      return t;
    };
  }
}
