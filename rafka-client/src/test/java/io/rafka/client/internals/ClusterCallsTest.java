package io.rafka.client.internals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClusterCallsTest {
  @Test
  void theServerWaitsATenthLessThanTheClientByAtMostTwoSeconds() {
    assertEquals(900, ClusterCalls.serverTimeoutMs(1_000));
    assertEquals(9_000, ClusterCalls.serverTimeoutMs(10_000));
    assertEquals(28_000, ClusterCalls.serverTimeoutMs(30_000));
    assertEquals(298_000, ClusterCalls.serverTimeoutMs(300_000));
  }

  @Test
  void theServerTimeoutIsNeverZeroWhichWouldMeanTheServersOwn() {
    assertEquals(1, ClusterCalls.serverTimeoutMs(1));
    assertEquals(9, ClusterCalls.serverTimeoutMs(10));
  }

  @Test
  void aHugeClientTimeoutFitsTheWireField() {
    assertEquals(Integer.MAX_VALUE, ClusterCalls.serverTimeoutMs(Long.MAX_VALUE / 2));
  }
}
