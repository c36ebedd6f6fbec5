package io.rafka.server.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rafka.proto.PartitionPosition;
import io.rafka.proto.RecordTimestamp;
import io.rafka.proto.internal.GroupOffset;
import io.rafka.server.errors.Errors;
import io.rafka.server.group.GroupCoordinator.CoordinatedGroup;
import io.rafka.server.group.GroupLag.PartitionLag;
import io.rafka.server.group.assign.TopicPartition;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class GroupLagMonitorTest {
  private static final TopicPartition T0 = new TopicPartition("t", 0);
  private static final TopicPartition T1 = new TopicPartition("t", 1);

  @Test
  void lagIsTheHighWatermarkMinusTheCommittedOffsetAndTheWaitOfTheFirstUnconsumedRecord() {
    Map<String, GroupLag> lags = GroupLagMonitor.measure(List.of(group("g", Map.of(T0, 40L, T1, 7L))),
        Map.of(T0, position(T0, 100, Map.of(40L, 10_000L)), T1, position(T1, 7, Map.of())), Map.of());
    GroupLag g = lags.get("g");
    assertEquals(2, g.members());
    assertEquals(3, g.generation());
    PartitionLag behind = g.lags().get(T0);
    assertEquals(60, behind.records());
    assertEquals(OptionalLong.of(5_000), behind.millis(15_000));
    assertEquals(OptionalLong.of(0), behind.millis(9_000), "a record stamped in the future has not waited");
    PartitionLag caughtUp = g.lags().get(T1);
    assertEquals(0, caughtUp.records());
    assertEquals(OptionalLong.of(0), caughtUp.millis(15_000));
  }

  @Test
  void anUnansweredPartitionKeepsItsLastMeasurementOnlyWhileTheCommittedOffsetStays() {
    Map<String, GroupLag> first = GroupLagMonitor.measure(List.of(group("g", Map.of(T0, 40L, T1, 5L))),
        Map.of(T0, position(T0, 100, Map.of(40L, 1L)), T1, position(T1, 9, Map.of(5L, 2L))), Map.of());
    Map<String, GroupLag> second = GroupLagMonitor.measure(List.of(group("g", Map.of(T0, 40L, T1, 6L))),
        Map.of(), first);
    assertEquals(first.get("g").lags().get(T0), second.get("g").lags().get(T0));
    assertFalse(second.get("g").lags().containsKey(T1), "moved on since: the old measurement is not its lag");
  }

  @Test
  void aGroupNoLongerCoordinatedHereIsDropped() {
    Map<String, GroupLag> first = GroupLagMonitor.measure(List.of(group("g", Map.of(T0, 1L))),
        Map.of(T0, position(T0, 2, Map.of(1L, 1L))), Map.of());
    assertTrue(GroupLagMonitor.measure(List.of(), Map.of(), first).isEmpty());
  }

  @Test
  void anUnknownTimestampLeavesSecondsUnknownUnlessCaughtUp() {
    PartitionLag lag = new PartitionLag(3, 10, OptionalLong.empty());
    assertEquals(OptionalLong.empty(), lag.millis(1));
    assertEquals(OptionalLong.of(0), new PartitionLag(10, 10, OptionalLong.empty()).millis(1));
    assertEquals(0, new PartitionLag(12, 10, OptionalLong.empty()).records(), "never negative");
  }

  private static CoordinatedGroup group(String id, Map<TopicPartition, Long> committed) {
    TreeMap<String, GroupMember> members = new TreeMap<>();
    for (String m : List.of("a", "b")) {
      members.put(m, new GroupMember(m, "c-" + m, List.of("t"), 10_000, 3, java.util.Set.of(), 0,
          java.util.Set.of()));
    }
    Map<TopicPartition, GroupOffset> offsets = new TreeMap<>();
    committed.forEach((tp, o) -> offsets.put(tp, GroupOffset.newBuilder().setTopic(tp.topic())
        .setPartition(tp.partition()).setOffset(o).build()));
    return new CoordinatedGroup(new GroupState(id, 3, "range", members), offsets);
  }

  private static PartitionPosition position(TopicPartition tp, long end, Map<Long, Long> timestamps) {
    PartitionPosition.Builder p = PartitionPosition.newBuilder().setTopic(tp.topic()).setPartition(tp.partition())
        .setError(Errors.NONE).setLogEndOffset(end);
    timestamps.forEach((o, ts) -> p.addTimestamps(RecordTimestamp.newBuilder().setOffset(o).setTimestampMs(ts)));
    return p.build();
  }
}
