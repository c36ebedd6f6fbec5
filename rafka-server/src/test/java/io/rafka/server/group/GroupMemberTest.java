package io.rafka.server.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rafka.proto.ErrorCode;
import io.rafka.proto.internal.GroupOffset;
import io.rafka.proto.internal.GroupUpdateCommand;
import io.rafka.proto.internal.OffsetCommitCommand;
import io.rafka.server.group.assign.TopicPartition;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What a member may own and commit while targets change faster than it heartbeats. */
class GroupMemberTest {
  private static final TopicPartition P0 = new TopicPartition("t", 0);
  private static final TopicPartition P1 = new TopicPartition("t", 1);
  private static final TopicPartition P2 = new TopicPartition("t", 2);

  private static GroupMember joined() {
    return new GroupMember("m", "c", List.of("t"), 4000, 0, Set.of(), 0, Set.of());
  }

  @Test
  void aJoiningMemberTakesAnEpochEvenWithNothingToOwn() {
    GroupMember m = joined().withAssignment(Set.of(), 3);
    assertEquals(3, m.memberEpoch());
    assertTrue(m.knowsEpoch(3));
    assertFalse(m.knowsEpoch(0));
  }

  @Test
  void twoTargetChangesKeepEverythingNotYetGivenUp() {
    GroupMember m = joined().withAssignment(Set.of(P0, P1, P2), 1).withAssignment(Set.of(P0, P1), 2)
        .withAssignment(Set.of(P0), 3);
    assertEquals(Set.of(P0), m.assignment());
    assertEquals(Set.of(P0, P1, P2), m.mayOwn());
    assertTrue(m.knowsEpoch(1), "a member that missed two rebalances is behind, not a stranger");
    assertTrue(m.knowsEpoch(3));
    assertFalse(m.knowsEpoch(4), "an epoch never given to the member");
  }

  @Test
  void acknowledgingForgetsOnlyWhatTheMemberNoLongerHolds() {
    GroupMember m = joined().withAssignment(Set.of(P0, P1, P2), 1).withAssignment(Set.of(P0), 2);
    GroupMember still = m.acknowledging(Set.of(P0, P2));
    assertEquals(Set.of(P0, P2), still.mayOwn());
    GroupMember done = still.acknowledging(Set.of(P0));
    assertEquals(Set.of(P0), done.mayOwn());
    assertSame(done, done.acknowledging(Set.of(P0)), "nothing to write when nothing changed");
    assertEquals(Set.of(P0), m.acknowledging(Set.of()).mayOwn(), "the target is never forgotten");
  }

  @Test
  void storeTakesCommitsForPartitionsNotYetGivenUpAndRefusesOthers() {
    GroupMember m = joined().withAssignment(Set.of(P0, P1, P2), 1).withAssignment(Set.of(P0, P1), 2)
        .withAssignment(Set.of(P0), 3);
    GroupStore store = new GroupStore();
    GroupState state = new GroupState("g", 3, "sticky", new TreeMap<>(Map.of("m", m)));
    assertEquals(ErrorCode.NONE, store.apply(GroupUpdateCommand.newBuilder().setGroupId("g").setExpectedEpoch(0)
        .setGroup(GroupCodec.toRecord(state, List.of())).build()).getError());

    assertEquals(ErrorCode.NONE, store.apply(commit(1, P2, 10)).getError(), "epoch 1, partition of epoch 1");
    assertEquals(ErrorCode.NONE, store.apply(commit(3, P0, 10)).getError());
    assertEquals(ErrorCode.STALE_MEMBER_EPOCH, store.apply(commit(4, P0, 11)).getError());
    assertEquals(ErrorCode.STALE_MEMBER_EPOCH, store.apply(commit(3, new TopicPartition("t", 3), 1)).getError());

    GroupState acked = new GroupState("g", 4, "sticky", new TreeMap<>(Map.of("m", m.acknowledging(Set.of(P0)))));
    store.apply(GroupUpdateCommand.newBuilder().setGroupId("g").setExpectedEpoch(3)
        .setGroup(GroupCodec.toRecord(acked, List.of())).build());
    assertEquals(ErrorCode.STALE_MEMBER_EPOCH, store.apply(commit(1, P2, 20)).getError(),
        "a partition the member said it gave up");
    assertEquals(10, store.offsets("g").get(P2).getOffset());
  }

  private static OffsetCommitCommand commit(int epoch, TopicPartition tp, long offset) {
    return OffsetCommitCommand.newBuilder().setGroupId("g").setMemberId("m").setMemberEpoch(epoch)
        .addOffsets(GroupOffset.newBuilder().setTopic(tp.topic()).setPartition(tp.partition()).setOffset(offset))
        .build();
  }
}
