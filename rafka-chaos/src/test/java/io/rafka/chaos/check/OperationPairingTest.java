package io.rafka.chaos.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rafka.chaos.history.EventType;
import io.rafka.chaos.history.HistoryEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationPairingTest {
  @Test
  void completionsFindTheirInvokesByProcessFAndValue() {
    HistoryEvent produceA = HistoryEvent.produce(0, "producer-1", 0, "a");
    HistoryEvent produceB = HistoryEvent.produce(1, "producer-1", 0, "b");
    HistoryEvent okB = HistoryEvent.produceOk(2, "producer-1", 0, "b", 0);
    HistoryEvent read = HistoryEvent.read(3, "producer-1", 0, 0);

    List<Operation> operations = OperationPairing.pair(List.of(produceA, produceB, okB, read));

    assertEquals(List.of(new Operation(produceA, null), new Operation(produceB, okB), new Operation(read, null)),
        operations);
    assertEquals(EventType.INFO, operations.get(0).outcome());
  }

  @Test
  void overlappingFaultsArePairedByTheirDescription() {
    HistoryEvent pause = HistoryEvent.faultStart(0, "pause node 2");
    HistoryEvent kill = HistoryEvent.faultStart(1, "kill node 3");
    HistoryEvent killed = HistoryEvent.faultEnd(2, "kill node 3");
    HistoryEvent paused = HistoryEvent.faultEnd(3, "pause node 2");

    List<Operation> operations = OperationPairing.pair(List.of(pause, kill, killed, paused));

    assertEquals(List.of(new Operation(pause, paused), new Operation(kill, killed)), operations);
  }

  @Test
  void aCompletionWithoutAnInvokeIsAHarnessBug() {
    HistoryEvent orphan = HistoryEvent.produceOk(2, "producer-1", 0, "a", 0);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Checker.check(List.of(orphan), Histories.finalReads(0, "a")));
    assertTrue(e.getMessage().startsWith("history event completes no unfinished invoke: "), e.getMessage());
  }

  @Test
  void anOperationWithoutCompletionNeverCompleted() {
    Operation pending = new Operation(HistoryEvent.produce(0, "producer-1", 0, "a"), null);

    assertEquals(Long.MAX_VALUE, pending.completionTime());
    assertNull(pending.group());
    assertEquals("producer-1 [0..?]", pending.describe());
  }
}
