package io.rafka.chaos.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryEventTest {
  @Test
  void factoriesFillTheFieldsOfTheirKindAndNoneElse() {
    HistoryEvent ok = HistoryEvent.produceOk(5, "producer-1", 2, "v", 7);

    assertEquals(new HistoryEvent(5, "producer-1", EventType.OK, OperationKind.PRODUCE, 2, "v", 7, List.of(),
        null, null, HistoryEvent.NONE, null, null), ok);

    HistoryEvent fault = HistoryEvent.faultStart(9, "kill node 2");
    assertEquals(HistoryEvent.NEMESIS, fault.process());
    assertEquals(HistoryEvent.NONE, fault.partition());
    assertEquals(HistoryEvent.NONE, fault.offset());
    assertNull(fault.value());
  }

  @Test
  void inGroupMakesAGroupRead() {
    HistoryEvent read = HistoryEvent.read(1, "member-1", 0, 4).inGroup("g", "member-1");

    assertEquals("g", read.group());
    assertEquals("member-1", read.member());
    assertEquals(4, read.offset());
  }

  @Test
  void readsAreCopiedSoTheEventStaysImmutable() {
    List<OffsetValue> records = new ArrayList<>(List.of(new OffsetValue(0, "a")));
    HistoryEvent read = HistoryEvent.readOk(1, "reader-1", 0, 2, records);
    records.add(new OffsetValue(1, "b"));

    assertEquals(1, read.reads().size());
    assertThrows(UnsupportedOperationException.class, () -> read.reads().add(new OffsetValue(2, "c")));
  }

  @Test
  void badNumbersAreRejectedNamingTheField() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HistoryEvent.produceOk(1, "producer-1", 0, "v", -2));

    assertEquals("offset must be >= -1 (-1 = none), got -2", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> HistoryEvent.produce(-1, "producer-1", 0, "v"));
    assertThrows(IllegalArgumentException.class, () -> new OffsetValue(-1, "v"));
  }

  @Test
  void finalReadsAreSortedAndOnePerReplica() {
    FinalRead node2 = new FinalRead(0, 2, List.of());
    FinalRead node1 = new FinalRead(0, 1, List.of(new OffsetValue(0, "a")));
    FinalRead otherPartition = new FinalRead(1, 1, List.of());

    FinalReads reads = FinalReads.of(otherPartition, node2, node1);

    assertEquals(List.of(node1, node2, otherPartition), reads.all());
    assertEquals(List.of(node1, node2), reads.ofPartition(0));
    assertEquals(List.of(0, 1), List.copyOf(reads.partitions()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FinalReads.of(node1, new FinalRead(0, 1, List.of())));
    assertEquals("two final reads of partition 0 from node 1", e.getMessage());
  }
}
