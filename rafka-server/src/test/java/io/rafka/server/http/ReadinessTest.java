package io.rafka.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rafka.server.raft.GroupProgress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadinessTest {
  private static final GroupProgress METADATA = new GroupProgress("metadata", true, 50, 50);

  @Test
  void readyWhenRegisteredAndEveryGroupIsCaughtUp() {
    Readiness r = new Readiness(() -> true, () -> List.of(METADATA, new GroupProgress("t-0", true, 990, 1000)), 10);
    assertTrue(r.ready(), r.problems()::toString);
  }

  @Test
  void notReadyWhileAGroupIsBehindItsLeader() {
    Readiness r = new Readiness(() -> true, () -> List.of(METADATA, new GroupProgress("t-0", true, 989, 1000)), 10);
    assertFalse(r.ready());
    assertEquals(1, r.problems().size());
    assertTrue(r.problems().get(0).startsWith("t-0: 11 entries behind its leader"), r.problems()::toString);
  }

  @Test
  void notReadyBeforeRegistrationOrWithoutLeaderOrMetadata() {
    assertEquals(List.of("not registered in the metadata group yet"),
        new Readiness(() -> false, () -> List.of(METADATA), 10).problems());
    assertEquals(List.of("t-1: no leader known"),
        new Readiness(() -> true, () -> List.of(METADATA, new GroupProgress("t-1", false, 0, -1)), 10).problems());
    assertEquals(List.of("metadata: not hosted yet"), new Readiness(() -> true, List::of, 10).problems());
  }
}
