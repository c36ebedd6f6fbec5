package io.rafka.server.common;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Named places where tests inject faults into a running node (as Ratis's CodeInjectionForTesting does),
 * instead of racing the code with sleeps. Nothing is armed in production; an unarmed point costs one volatile
 * read. Thread-safe.
 */
public final class FaultPoints {
  /** On the leader, after a produced batch committed and before the producer is answered. */
  public static final String PRODUCE_AFTER_COMMIT = "produce.after-commit";

  private static final Map<String, Consumer<Object>> ARMED = new ConcurrentHashMap<>();
  private static volatile boolean anyArmed;

  private FaultPoints() {}

  /** Runs {@code action} (which may throw to fail the operation) every time {@code point} is reached. */
  public static void arm(String point, Consumer<Object> action) {
    ARMED.put(point, action);
    anyArmed = true;
  }

  public static void disarm(String point) {
    ARMED.remove(point);
    anyArmed = !ARMED.isEmpty();
  }

  /** Called by the code at {@code point} with what the action may want to know. */
  public static void hit(String point, Object context) {
    if (anyArmed) {
      Consumer<Object> action = ARMED.get(point);
      if (action != null) {
        action.accept(context);
      }
    }
  }
}
