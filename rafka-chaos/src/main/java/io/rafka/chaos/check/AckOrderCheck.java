package io.rafka.chaos.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link Anomaly#ACK_ORDER}: appends to a partition are linearizable, so a write invoked after another was
 * acknowledged lands at a higher offset. Counts one per write acknowledged at too low an offset.
 */
final class AckOrderCheck implements AnomalyCheck {
  @Override
  public void check(HistoryIndex history, AnomalyLog log) {
    Map<Integer, List<Operation>> acknowledged = new TreeMap<>();
    for (Operation produce : history.produces()) {
      if (produce.isOk()) {
        acknowledged.computeIfAbsent(produce.partition(), p -> new ArrayList<>()).add(produce);
      }
    }
    acknowledged.forEach((partition, writes) -> RealTimeOrder.violations(writes, (earlier, later) ->
        log.add(Anomaly.ACK_ORDER, "partition " + partition + ": '" + later.invoke().value() + "' by "
            + later.describe() + " got offset " + later.offset() + ", but '" + earlier.invoke().value() + "' by "
            + earlier.describe() + " was acknowledged at offset " + earlier.offset() + " before it was invoked")));
  }
}
