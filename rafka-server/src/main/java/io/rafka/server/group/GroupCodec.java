package io.rafka.server.group;

import io.rafka.proto.internal.AssignedPartition;
import io.rafka.proto.internal.GroupMemberRecord;
import io.rafka.proto.internal.GroupOffset;
import io.rafka.proto.internal.GroupRecord;
import io.rafka.server.group.assign.TopicPartition;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Converts groups between their replicated (protobuf) and in-memory forms. Stateless. */
public final class GroupCodec {
  private GroupCodec() {}

  public static GroupRecord toRecord(GroupState state, Collection<GroupOffset> offsets) {
    GroupRecord.Builder b = GroupRecord.newBuilder().setGroupId(state.groupId()).setEpoch(state.epoch())
        .setAssignor(state.assignor());
    state.members().values().forEach(m -> b.addMembers(toRecord(m)));
    offsets.stream().sorted((x, y) -> x.getTopic().equals(y.getTopic())
            ? Integer.compare(x.getPartition(), y.getPartition()) : x.getTopic().compareTo(y.getTopic()))
        .forEach(b::addOffsets);
    return b.build();
  }

  public static GroupMemberRecord toRecord(GroupMember m) {
    return GroupMemberRecord.newBuilder().setMemberId(m.memberId()).setClientId(m.clientId())
        .addAllSubscribedTopics(m.topics()).setSessionTimeoutMs(m.sessionTimeoutMs())
        .setMemberEpoch(m.memberEpoch()).addAllAssignment(partitions(m.assignment()))
        .setPreviousEpoch(m.previousEpoch()).addAllPreviousAssignment(partitions(m.previousAssignment()))
        .build();
  }

  public static GroupState toState(GroupRecord r) {
    Map<String, GroupMember> members = new TreeMap<>();
    for (GroupMemberRecord m : r.getMembersList()) {
      members.put(m.getMemberId(), new GroupMember(m.getMemberId(), m.getClientId(), m.getSubscribedTopicsList(),
          m.getSessionTimeoutMs(), m.getMemberEpoch(), set(m.getAssignmentList()), m.getPreviousEpoch(),
          set(m.getPreviousAssignmentList())));
    }
    return new GroupState(r.getGroupId(), r.getEpoch(), r.getAssignor(), new TreeMap<>(members));
  }

  static List<AssignedPartition> partitions(Set<TopicPartition> set) {
    return set.stream().sorted().map(tp -> AssignedPartition.newBuilder().setTopic(tp.topic())
        .setPartition(tp.partition()).build()).toList();
  }

  static Set<TopicPartition> set(List<AssignedPartition> list) {
    return list.stream().map(p -> new TopicPartition(p.getTopic(), p.getPartition())).collect(Collectors.toSet());
  }
}
