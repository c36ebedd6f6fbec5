package io.rafka.chaos.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Finds real-time order violations among successful operations that each put an offset somewhere (appends, or
 * commits of one group and partition): an operation invoked after another was acknowledged must not get a
 * lower offset. Stateless and thread-safe.
 */
final class RealTimeOrder {
  private RealTimeOrder() {}

  /**
   * Calls {@code violation} with (earlier, later) for each operation {@code later} whose offset is below that of
   * the highest-offset operation {@code earlier} acknowledged strictly before {@code later} was invoked.
   * {@code completed} must hold only completed operations.
   */
  static void violations(List<Operation> completed, BiConsumer<Operation, Operation> violation) {
    List<Operation> byAck = new ArrayList<>(completed);
    byAck.sort(Comparator.comparingLong(Operation::completionTime));
    List<Operation> byInvoke = new ArrayList<>(completed);
    byInvoke.sort(Comparator.comparingLong(operation -> operation.invoke().time()));
    Operation highestAcked = null;
    int acked = 0;
    for (Operation later : byInvoke) {
      while (acked < byAck.size() && byAck.get(acked).completionTime() < later.invoke().time()) {
        Operation next = byAck.get(acked++);
        if (highestAcked == null || next.offset() > highestAcked.offset()) {
          highestAcked = next;
        }
      }
      if (highestAcked != null && later.offset() < highestAcked.offset()) {
        violation.accept(highestAcked, later);
      }
    }
  }
}
