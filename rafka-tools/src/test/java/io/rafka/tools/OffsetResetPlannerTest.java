package io.rafka.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rafka.client.admin.OffsetSpec;
import io.rafka.common.TopicPartition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class OffsetResetPlannerTest {
  private static final TopicPartition A0 = new TopicPartition("a", 0);
  private static final TopicPartition A1 = new TopicPartition("a", 1);
  private static final TopicPartition B0 = new TopicPartition("b", 0);
  private static final List<TopicPartition> ALL = List.of(B0, A1, A0);
  private static final long AT = 1_700_000_000_000L;

  /** Logs: a-0 holds 10..100, a-1 holds 0..5, b-0 is empty at 42; the record stamped AT is a-0's 60th. */
  private static final class FakeCluster implements OffsetResetPlanner.OffsetSource {
    final List<OffsetSpec> asked = new ArrayList<>();

    @Override
    public Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec) {
      asked.add(spec);
      Map<TopicPartition, Long> all;
      if (spec instanceof OffsetSpec.Earliest) {
        all = Map.of(A0, 10L, A1, 0L, B0, 42L);
      } else if (spec instanceof OffsetSpec.Latest) {
        all = Map.of(A0, 100L, A1, 5L, B0, 42L);
      } else if (spec.equals(OffsetSpec.forTimestamp(AT))) {
        all = Map.of(A0, 60L, A1, 5L, B0, 42L);
      } else {
        throw new AssertionError("unexpected lookup " + spec);
      }
      Map<TopicPartition, Long> answer = new HashMap<>();
      partitions.forEach(tp -> answer.put(tp, all.get(tp)));
      return answer;
    }
  }

  private final FakeCluster cluster = new FakeCluster();

  private SortedMap<TopicPartition, Long> plan(ResetSpec spec, Map<TopicPartition, Long> committed) {
    return OffsetResetPlanner.plan(spec, ALL, committed, cluster);
  }

  private static SortedMap<TopicPartition, Long> offsets(long a0, long a1, long b0) {
    return new TreeMap<>(Map.of(A0, a0, A1, a1, B0, b0));
  }

  @Test
  void movesToTheStartOrEndOfEachLog() {
    assertEquals(offsets(10, 0, 42), plan(ResetSpec.EARLIEST, Map.of()));
    assertEquals(offsets(100, 5, 42), plan(ResetSpec.LATEST, Map.of()));
  }

  @Test
  void keepsAGivenOffsetWithinEachLog() {
    assertEquals(offsets(50, 5, 42), plan(ResetSpec.toOffset(50), Map.of()));
    assertEquals(offsets(10, 3, 42), plan(ResetSpec.toOffset(3), Map.of()));
    assertEquals(offsets(10, 0, 42), plan(ResetSpec.toOffset(-7), Map.of()));
  }

  @Test
  void movesToTheOffsetOfATime() {
    assertEquals(offsets(60, 5, 42), plan(new ResetSpec(ResetSpec.Kind.DATETIME, AT), Map.of()));
    assertEquals(List.of(OffsetSpec.earliest(), OffsetSpec.latest(), OffsetSpec.forTimestamp(AT)), cluster.asked);
  }

  @Test
  void shiftsTheCommittedOffsetsWithinEachLog() {
    Map<TopicPartition, Long> committed = Map.of(A0, 50L, A1, 4L, B0, 42L);
    assertEquals(offsets(53, 5, 42), plan(ResetSpec.shiftBy(3), committed));
    assertEquals(offsets(20, 0, 42), plan(ResetSpec.shiftBy(-30), committed));
    assertEquals(offsets(100, 5, 42), plan(ResetSpec.shiftBy(Long.MAX_VALUE), committed));
    assertEquals(offsets(10, 0, 42), plan(ResetSpec.shiftBy(Long.MIN_VALUE), committed));
  }

  @Test
  void refusesToShiftPartitionsWithoutACommittedOffset() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> plan(ResetSpec.shiftBy(1), Map.of(A0, 50L)));
    assertEquals("cannot shift the offsets of [a-1, b-0]: the group has no committed offset there to shift "
        + "from; use --to-earliest, --to-latest or --to-offset for them", e.getMessage());
    assertTrue(cluster.asked.isEmpty(), "nothing is looked up for a plan that cannot be made");
  }

  @Test
  void plansNothingForNoPartitionsWithoutAskingTheCluster() {
    assertEquals(Map.of(), OffsetResetPlanner.plan(ResetSpec.LATEST, List.of(), Map.of(), cluster));
    assertTrue(cluster.asked.isEmpty());
  }
}
