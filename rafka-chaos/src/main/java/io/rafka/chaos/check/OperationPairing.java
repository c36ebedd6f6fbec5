package io.rafka.chaos.check;

import io.rafka.chaos.history.EventType;
import io.rafka.chaos.history.HistoryEvent;
import io.rafka.chaos.history.OperationKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs each completion with its invoke. A completion belongs to the oldest unfinished invoke of the same
 * process and f, and also the same value for produces (a producer may have many writes in flight) and the same
 * fault for nemesis events (faults overlap). Stateless and thread-safe.
 */
final class OperationPairing {
  /** What identifies an operation among the unfinished ones. */
  private record Key(String process, OperationKind f, String value, String fault) {
    static Key of(HistoryEvent event) {
      return new Key(event.process(), event.f(), event.f() == OperationKind.PRODUCE ? event.value() : null,
          event.f() == OperationKind.FAULT ? event.fault() : null);
    }
  }

  private OperationPairing() {}

  /**
   * The operations of {@code history} in invoke order. A completion with no unfinished invoke is a harness
   * bug, reported with {@link IllegalArgumentException} rather than guessed around.
   */
  static List<Operation> pair(List<HistoryEvent> history) {
    List<HistoryEvent> invokes = new ArrayList<>();
    List<HistoryEvent> completions = new ArrayList<>();
    Map<Key, Deque<Integer>> unfinished = new HashMap<>();
    for (HistoryEvent event : history) {
      Key key = Key.of(event);
      if (event.type() == EventType.INVOKE) {
        unfinished.computeIfAbsent(key, k -> new ArrayDeque<>()).add(invokes.size());
        invokes.add(event);
        completions.add(null);
        continue;
      }
      Deque<Integer> waiting = unfinished.get(key);
      if (waiting == null || waiting.isEmpty()) {
        throw new IllegalArgumentException("history event completes no unfinished invoke: " + event);
      }
      completions.set(waiting.poll(), event);
    }
    List<Operation> operations = new ArrayList<>(invokes.size());
    for (int i = 0; i < invokes.size(); i++) {
      operations.add(new Operation(invokes.get(i), completions.get(i)));
    }
    return operations;
  }
}
