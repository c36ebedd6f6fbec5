package io.rafka.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineParserTest {
  private static LineParser from(String... properties) {
    return LineParser.from(ToolProperties.of(List.of(properties).stream().map(KeyValue::parse).toList(),
        LineParser.PROPERTIES));
  }

  @Test
  void withoutParseKeyTheWholeLineIsTheValue() {
    assertEquals(new LineParser.Line(null, "a\tb"), from().parse("a\tb", 1));
    assertEquals(new LineParser.Line(null, ""), from().parse("", 1));
  }

  @Test
  void splitsAtTheFirstTabByDefault() {
    assertEquals(new LineParser.Line("k", "v\tw"), from("parse.key=true").parse("k\tv\tw", 1));
  }

  @Test
  void splitsAtACustomMultiCharacterSeparator() {
    LineParser parser = from("parse.key=true", "key.separator=::");
    assertEquals(new LineParser.Line("user:1", "x::y"), parser.parse("user:1::x::y", 1));
  }

  @Test
  void keyOrValueMayBeEmpty() {
    LineParser parser = from("parse.key=true", "key.separator=,");
    assertEquals(new LineParser.Line("", "v"), parser.parse(",v", 1));
    assertEquals(new LineParser.Line("k", ""), parser.parse("k,", 1));
  }

  @Test
  void aLineWithoutTheSeparatorIsAnErrorNamingTheLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> from("parse.key=true").parse("no separator here", 7));
    assertEquals("line 7 has no key separator '\\t' (parse.key is true)", e.getMessage());
  }

  @Test
  void anEmptySeparatorIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> from("parse.key=true", "key.separator="));
  }

  @Test
  void consumerPropertiesAreNotProducerProperties() {
    assertThrows(IllegalArgumentException.class, () -> from("print.key=true"));
  }
}
