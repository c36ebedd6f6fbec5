package io.rafka.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ToolPropertiesTest {
  private static final Set<String> KNOWN = Set.of("print.key", "key.separator");

  private static ToolProperties of(String... arguments) {
    return ToolProperties.of(List.of(arguments).stream().map(KeyValue::parse).toList(), KNOWN);
  }

  @Test
  void refusesAnUnknownKeyAndListsTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> of("print.kye=true"));
    assertEquals("unknown --property 'print.kye' (known: key.separator, print.key)", e.getMessage());
  }

  @Test
  void flagsAreFalseUnlessSetAndIgnoreCase() {
    assertFalse(of().flag("print.key"));
    assertTrue(of("print.key=true").flag("print.key"));
    assertTrue(of("print.key=TRUE").flag("print.key"));
    assertFalse(of("print.key=false").flag("print.key"));
  }

  @Test
  void aFlagThatIsNeitherTrueNorFalseIsAnError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> of("print.key=yes").flag("print.key"));
    assertEquals("--property print.key must be true or false, was 'yes'", e.getMessage());
  }

  @Test
  void textFallsBackToTheDefaultAndTheLastValueWins() {
    assertEquals("\t", of().text("key.separator", "\t"));
    assertEquals("::", of("key.separator=:", "key.separator=::").text("key.separator", "\t"));
  }
}
