package io.rafka.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StartPositionTest {
  @Test
  void startsAtTheEndUnlessFromBeginning() {
    assertEquals(StartPosition.LATEST, StartPosition.fromFlags(null, null, false));
    assertEquals(StartPosition.EARLIEST, StartPosition.fromFlags(null, null, true));
    assertEquals(StartPosition.LATEST, StartPosition.fromFlags(0, null, false));
    assertEquals(StartPosition.EARLIEST, StartPosition.fromFlags(0, null, true));
  }

  @Test
  void parsesTheOffsetFlag() {
    assertEquals(StartPosition.EARLIEST, StartPosition.fromFlags(1, "earliest", false));
    assertEquals(StartPosition.LATEST, StartPosition.fromFlags(1, "latest", false));
    assertEquals(new StartPosition(StartPosition.Kind.OFFSET, 0), StartPosition.fromFlags(1, "0", false));
    assertEquals(new StartPosition(StartPosition.Kind.OFFSET, 9_000_000_000L),
        StartPosition.fromFlags(1, "9000000000", false));
  }

  @Test
  void refusesAMalformedOrNegativeOffset() {
    for (String bad : new String[] {"-1", "soon", "", "1.5", "EARLIEST"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> StartPosition.parseOffset(bad), bad);
      assertEquals("--offset must be earliest, latest or a non-negative number, was '" + bad + "'",
          e.getMessage());
    }
  }

  @Test
  void anOffsetNeedsAPartitionAndExcludesFromBeginning() {
    assertEquals("--offset needs --partition", assertThrows(IllegalArgumentException.class,
        () -> StartPosition.fromFlags(null, "5", false)).getMessage());
    assertEquals("--offset and --from-beginning cannot be used together",
        assertThrows(IllegalArgumentException.class, () -> StartPosition.fromFlags(0, "5", true)).getMessage());
  }

  @Test
  void resetsOutOfRangePositionsTowardsWhereItStarted() {
    assertEquals("earliest", StartPosition.EARLIEST.autoOffsetReset());
    assertEquals("latest", StartPosition.LATEST.autoOffsetReset());
    assertEquals("latest", StartPosition.parseOffset("7").autoOffsetReset());
  }
}
