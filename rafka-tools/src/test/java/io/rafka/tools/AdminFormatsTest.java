package io.rafka.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rafka.client.admin.PartitionMove;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdminFormatsTest {
  @Test
  void bytesInBinaryUnitsWithOneDecimal() {
    assertEquals("?", AdminFormats.bytes(-1));
    assertEquals("0 B", AdminFormats.bytes(0));
    assertEquals("1023 B", AdminFormats.bytes(1023));
    assertEquals("1.0 KiB", AdminFormats.bytes(1024));
    assertEquals("1.5 MiB", AdminFormats.bytes(1_572_864));
    assertEquals("2.0 GiB", AdminFormats.bytes(2L << 30));
    assertEquals("8.0 EiB", AdminFormats.bytes(Long.MAX_VALUE));
  }

  @Test
  void durationsInTheLargestUnitThatKeepsThemShort() {
    assertEquals("0s", AdminFormats.duration(999));
    assertEquals("75s", AdminFormats.duration(75_000));
    assertEquals("599s", AdminFormats.duration(599_999));
    assertEquals("10m", AdminFormats.duration(600_000));
    assertEquals("10h", AdminFormats.duration(36_000_000));
    assertEquals("71h", AdminFormats.duration(72 * 3_600_000L - 1));
    assertEquals("3d", AdminFormats.duration(72 * 3_600_000L));
    assertEquals("0s", AdminFormats.duration(-5_000), "a clock behind the server's");
  }

  @Test
  void nodeListsAndUnknownNodes() {
    assertEquals("3,1,2", AdminFormats.nodes(List.of(3, 1, 2)), "in the given (preference) order");
    assertEquals("-", AdminFormats.nodes(List.of()));
    assertEquals("-", AdminFormats.node(-1));
    assertEquals("7", AdminFormats.node(7));
  }

  @Test
  void movesTableAndSections() {
    List<String> table = AdminFormats.moves(List.of(new PartitionMove("orders", 5, List.of(2, 1), List.of(1, 4),
        2048, true)));
    assertEquals(List.of(
        "TOPIC           PARTITION FROM     TO       SIZE",
        "orders          5         2,1      1,4      2.0 KiB"), table);
    assertEquals(List.of("Moves: none"), AdminFormats.section("Moves", 0, List.of("ignored")));
    assertEquals(List.of("Moves (1):", "a", "b"), AdminFormats.section("Moves", 1, List.of("a", "b")));
  }
}
