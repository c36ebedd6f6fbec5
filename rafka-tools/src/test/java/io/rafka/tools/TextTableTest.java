package io.rafka.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rafka.tools.TextTable.Column;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {
  private static final List<Column> COLUMNS = List.of(new Column("A", 3), new Column("LONG-TITLE", 0),
      new Column("LAST", 10));

  @Test
  void padsEachColumnButTheLastToItsWidestCellOrMinimum() {
    assertEquals(List.of(
        "A    LONG-TITLE LAST",
        "xxxx y          z",
        "1    2          3"),
        TextTable.render(COLUMNS, List.of(List.of("xxxx", "y", "z"), List.of("1", "2", "3"))));
  }

  @Test
  void withoutRowsPrintsTheHeaderAlone() {
    assertEquals(List.of("A   LONG-TITLE LAST"), TextTable.render(COLUMNS, List.of()));
  }

  @Test
  void refusesARowOfTheWrongWidth() {
    assertThrows(IllegalArgumentException.class, () -> TextTable.render(COLUMNS, List.of(List.of("a", "b"))));
  }
}
