package io.rafka.chaos.history;

import java.util.Locale;

/**
 * What an event is about, Jepsen's {@code f}: a client produces a value, reads a partition or commits a group
 * offset; the nemesis starts and ends faults. Immutable.
 */
public enum OperationKind {
  PRODUCE,
  READ,
  COMMIT,
  FAULT;

  /** The name in a history file: lower case, as Jepsen writes it. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind named {@code jsonName} in a history file; {@link IllegalArgumentException} naming it if none. */
  public static OperationKind fromJsonName(String jsonName) {
    for (OperationKind kind : values()) {
      if (kind.jsonName().equals(jsonName)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown f '" + jsonName + "' (expected produce, read, commit or fault)");
  }
}
