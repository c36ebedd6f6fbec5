package io.rafka.chaos.check;

import java.util.Optional;

/**
 * {@link Anomaly#UNAVAILABLE_AFTER_HEAL}: a healed cluster serves again. Every partition some produce was
 * invoked on must acknowledge a write within {@link #DEADLINE_MILLIS} of the end of the last fault, so the
 * harness must keep writing that long after its last heal. If a fault was never healed, recovery was never
 * shown and every written partition fails. A run without faults passes. Counts one per partition.
 */
final class HealedWritesCheck implements AnomalyCheck {
  /** How soon after the last heal every written partition must take a write again. */
  static final long DEADLINE_MILLIS = 30_000;

  @Override
  public void check(HistoryIndex history, AnomalyLog log) {
    if (history.faults().isEmpty()) {
      return;
    }
    Optional<FaultWindow> unhealed = history.faults().stream().filter(fault -> !fault.healed()).findFirst();
    long healed = history.lastFaultEnd().getAsLong();
    for (int partition : history.writtenPartitions()) {
      if (unhealed.isPresent()) {
        log.add(Anomaly.UNAVAILABLE_AFTER_HEAL, "partition " + partition + " was never shown to recover: fault '"
            + unhealed.get().fault() + "' started at " + unhealed.get().start() + " ms was never healed");
      } else if (!servedWithinDeadline(history, partition, healed)) {
        log.add(Anomaly.UNAVAILABLE_AFTER_HEAL, "partition " + partition + " acknowledged no write from the last"
            + " heal at " + healed + " ms to " + (healed + DEADLINE_MILLIS) + " ms");
      }
    }
  }

  private static boolean servedWithinDeadline(HistoryIndex history, int partition, long healed) {
    return history.produces().stream().anyMatch(produce -> produce.isOk()
        && produce.partition() == partition
        && produce.completionTime() >= healed
        && produce.completionTime() <= healed + DEADLINE_MILLIS);
  }
}
