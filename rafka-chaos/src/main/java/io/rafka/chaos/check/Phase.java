package io.rafka.chaos.check;

/**
 * The parts of a run that latencies are compared across: how the cluster did before any fault, while faults
 * came and went, and once all were healed. A run without faults is all {@link #BEFORE_FAULTS}. Immutable.
 */
public enum Phase {
  BEFORE_FAULTS("before the first fault"),
  DURING_FAULTS("from the first fault to the last heal"),
  AFTER_HEAL("after the last heal");

  private final String description;

  Phase(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  /** The phase of an operation invoked at {@code time} in a history with {@code history}'s faults. */
  static Phase at(long time, HistoryIndex history) {
    if (history.faults().isEmpty() || time < history.firstFaultStart().getAsLong()) {
      return BEFORE_FAULTS;
    }
    return time <= history.lastFaultEnd().getAsLong() ? DURING_FAULTS : AFTER_HEAL;
  }
}
