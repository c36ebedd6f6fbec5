package io.rafka.chaos.history;

import java.util.Locale;

/**
 * Jepsen's four event types. An operation is an {@link #INVOKE} followed by one completion: {@link #OK} (it
 * happened), {@link #FAIL} (it certainly did not happen) or {@link #INFO} (nobody knows, e.g. a timeout). A
 * checker must treat {@code INFO} as "may or may not have happened", which is why the harness has to tell
 * definite failures from indeterminate ones. Immutable.
 */
public enum EventType {
  INVOKE,
  OK,
  FAIL,
  INFO;

  /** The name in a history file: lower case, as Jepsen writes it. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type named {@code jsonName} in a history file; {@link IllegalArgumentException} naming it if none. */
  public static EventType fromJsonName(String jsonName) {
    for (EventType type : values()) {
      if (type.jsonName().equals(jsonName)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown type '" + jsonName + "' (expected invoke, ok, fail or info)");
  }
}
