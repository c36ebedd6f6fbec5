package io.rafka.tools;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FirstErrorTest {
  @Test
  void rethrowsNothingWhenNothingWasRecorded() {
    FirstError errors = new FirstError();
    assertFalse(errors.recorded());
    assertDoesNotThrow(errors::rethrow);
  }

  @Test
  void keepsTheFirstError() {
    FirstError errors = new FirstError();
    IllegalStateException first = new IllegalStateException("first");
    errors.record(first);
    errors.record(new IllegalStateException("second"));
    assertTrue(errors.recorded());
    assertSame(first, assertThrows(IllegalStateException.class, errors::rethrow));
  }
}
