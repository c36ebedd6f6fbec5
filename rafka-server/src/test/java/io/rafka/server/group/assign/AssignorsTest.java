package io.rafka.server.group.assign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AssignorsTest {

  @Test
  void findsEachAssignorByItsKafkaName() {
    assertInstanceOf(RangeAssignor.class, Assignors.byName("range"));
    assertInstanceOf(RoundRobinAssignor.class, Assignors.byName("roundrobin"));
    assertInstanceOf(StickyAssignor.class, Assignors.byName("sticky"));
    assertEquals(List.of("range", "roundrobin", "sticky"),
        Assignors.all().stream().map(PartitionAssignor::name).toList());
  }

  @Test
  void defaultsToSticky() {
    assertSame(Assignors.byName("sticky"), Assignors.DEFAULT);
  }

  @Test
  void rejectsAnUnknownNameNamingItAndTheValidOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Assignors.byName("Sticky"));
    assertTrue(e.getMessage().contains("'Sticky'"), e.getMessage());
    assertTrue(e.getMessage().contains("range, roundrobin, sticky"), e.getMessage());
  }
}
