package io.rafka.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyValueTest {
  @Test
  void splitsAtTheFirstEqualsSign() {
    assertEquals(new KeyValue("a", "b=c"), KeyValue.parse("a=b=c"));
  }

  @Test
  void keepsAnEmptyValueAndSpaces() {
    assertEquals(new KeyValue("key.separator", " "), KeyValue.parse("key.separator= "));
    assertEquals(new KeyValue("k", ""), KeyValue.parse("k="));
  }

  @Test
  void refusesAnArgumentWithoutEqualsSign() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeyValue.parse("parse.key"));
    assertEquals("expected key=value but was 'parse.key'", e.getMessage());
  }

  @Test
  void refusesAnEmptyKey() {
    assertThrows(IllegalArgumentException.class, () -> KeyValue.parse("=x"));
  }

  @Test
  void theLastOfARepeatedKeyWins() {
    Map<String, String> map = KeyValue.toMap(List.of(new KeyValue("a", "1"), new KeyValue("b", "2"),
        new KeyValue("a", "3")));
    assertEquals(Map.of("a", "3", "b", "2"), map);
    assertEquals(List.of("a", "b"), List.copyOf(map.keySet()));
  }
}
