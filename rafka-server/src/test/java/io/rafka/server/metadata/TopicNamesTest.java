package io.rafka.server.metadata;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicNamesTest {
  @ParameterizedTest
  @ValueSource(strings = {"", ".", "..", "a/b", "a b", "caf\u00e9", "x\u0000y", "tab\tname", "semi;colon"})
  void illegalNamesAreRefused(String name) {
    assertNotNull(TopicNames.problem(name), name);
  }

  @Test
  void tooLongIsRefusedAndTheLimitIsAllowed() {
    assertNull(TopicNames.problem("a".repeat(249)));
    assertNotNull(TopicNames.problem("a".repeat(250)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"orders", "Orders-2026.v1", "a_b", "...a", "0"})
  void legalNamesPass(String name) {
    assertNull(TopicNames.problem(name), name);
  }
}
