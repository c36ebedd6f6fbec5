package io.rafka.chaos.check;

/**
 * {@link Anomaly#LOST}: an acknowledged write must survive in its partition. It is looked for in every
 * replica's final read, so a write that only some replicas lost counts as divergence, not loss; a partition
 * with no final read at all loses every write, since nothing shows they survived.
 */
final class LostWriteCheck implements AnomalyCheck {
  @Override
  public void check(HistoryIndex history, AnomalyLog log) {
    for (Operation produce : history.produces()) {
      String value = produce.invoke().value();
      if (produce.isOk() && !history.finallyHolds(produce.partition(), value)) {
        log.add(Anomaly.LOST, "'" + value + "' acknowledged at " + new Location(produce.partition(), produce.offset())
            + " to " + produce.describe() + " is in no final read of partition " + produce.partition());
      }
    }
  }
}
