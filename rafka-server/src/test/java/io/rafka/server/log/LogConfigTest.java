package io.rafka.server.log;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogConfigTest {
  @Test
  void rejectsBadValuesNamingTheField() {
    assertMessage("segmentBytes", () -> new LogConfig(0, 1, 1, -1, -1));
    assertMessage("segmentMs", () -> new LogConfig(1, 0, 1, -1, -1));
    assertMessage("indexIntervalBytes", () -> new LogConfig(1, 1, 0, -1, -1));
    assertMessage("retentionBytes", () -> new LogConfig(1, 1, 1, -2, -1));
    assertMessage("retentionMs", () -> new LogConfig(1, 1, 1, -1, -2));
  }

  @Test
  void acceptsLimits() {
    assertDoesNotThrow(() -> new LogConfig(1, 1, 1, 0, 0));
    assertDoesNotThrow(LogConfig::defaults);
  }

  private static void assertMessage(String field, Runnable construct) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construct::run);
    assertTrue(e.getMessage().startsWith(field + " "), e.getMessage());
  }
}
