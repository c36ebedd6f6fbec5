package io.rafka.server.group;

import io.rafka.proto.ErrorCode;
import io.rafka.proto.internal.GroupOffset;
import io.rafka.proto.internal.GroupRecord;
import io.rafka.proto.internal.GroupUpdateCommand;
import io.rafka.proto.internal.OffsetCommitCommand;
import io.rafka.proto.internal.PartitionCommandResult;
import io.rafka.server.group.assign.TopicPartition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The consumer groups coordinated through one __consumer_offsets partition: membership and committed offsets,
 * changed only by applying that partition's committed entries (so every replica holds the same groups, and a
 * new coordinator after failover finds them), and saved in its snapshots.
 *
 * <p>Thread-safety: one writer (the partition's apply thread); the coordinator reads from other threads and
 * always sees whole group states.
 */
public final class GroupStore {
  private final Map<String, GroupState> groups = new ConcurrentHashMap<>();
  private final Map<String, Map<TopicPartition, GroupOffset>> offsets = new ConcurrentHashMap<>();

  public Optional<GroupState> group(String groupId) {
    return Optional.ofNullable(groups.get(groupId));
  }

  /** Group ids with members or committed offsets. */
  public Set<String> groupIds() {
    Set<String> ids = new java.util.TreeSet<>(groups.keySet());
    ids.addAll(offsets.keySet());
    return ids;
  }

  public Map<TopicPartition, GroupOffset> offsets(String groupId) {
    Map<TopicPartition, GroupOffset> m = offsets.get(groupId);
    return m == null ? Map.of() : Map.copyOf(m);
  }

  /** Applies a membership change if the group is still at the epoch the coordinator computed it from. */
  public PartitionCommandResult apply(GroupUpdateCommand c) {
    GroupState current = groups.get(c.getGroupId());
    int epoch = current == null ? 0 : current.epoch();
    if (epoch != c.getExpectedEpoch()) {
      return refuse(ErrorCode.COORDINATOR_NOT_AVAILABLE, "group " + c.getGroupId() + " is at epoch " + epoch
          + ", not " + c.getExpectedEpoch() + "; its coordinator changed it concurrently");
    }
    groups.put(c.getGroupId(), GroupCodec.toState(c.getGroup()));
    return PartitionCommandResult.getDefaultInstance();
  }

  /**
   * Applies an offset commit. A member commits partitions of its current assignment with its member epoch, or
   * partitions it is giving up with its previous epoch; a group without members takes commits without a
   * member; offsets never move back except by an admin reset of an empty group. All or nothing.
   */
  public PartitionCommandResult apply(OffsetCommitCommand c) {
    GroupState group = groups.get(c.getGroupId());
    boolean hasMembers = group != null && !group.members().isEmpty();
    Map<TopicPartition, GroupOffset> current = offsets.getOrDefault(c.getGroupId(), Map.of());
    if (c.getReset()) {
      if (hasMembers) {
        return refuse(ErrorCode.GROUP_NOT_EMPTY, "group " + c.getGroupId() + " has " + group.members().size()
            + " active members; stop them before resetting its offsets");
      }
    } else if (c.getMemberId().isEmpty()) {
      if (hasMembers) {
        return refuse(ErrorCode.UNKNOWN_MEMBER_ID, "group " + c.getGroupId()
            + " has active members; only they may commit its offsets");
      }
    } else {
      String problem = memberProblem(group, c);
      if (problem != null) {
        return refuse(problem.startsWith("unknown") ? ErrorCode.UNKNOWN_MEMBER_ID : ErrorCode.STALE_MEMBER_EPOCH,
            problem);
      }
    }
    for (GroupOffset o : c.getOffsetsList()) {
      GroupOffset old = current.get(new TopicPartition(o.getTopic(), o.getPartition()));
      if (o.getOffset() < 0 || (!c.getReset() && old != null && o.getOffset() < old.getOffset())) {
        return refuse(ErrorCode.INVALID_COMMIT_OFFSET, "offset " + o.getOffset() + " for " + o.getTopic() + "-"
            + o.getPartition() + " would move group " + c.getGroupId() + " back from "
            + (old == null ? "nothing" : old.getOffset()) + "; only an admin reset may do that");
      }
    }
    Map<TopicPartition, GroupOffset> target =
        offsets.computeIfAbsent(c.getGroupId(), g -> new ConcurrentHashMap<>());
    for (GroupOffset o : c.getOffsetsList()) {
      target.put(new TopicPartition(o.getTopic(), o.getPartition()),
          o.toBuilder().setCommitTimeMs(c.getCommitTimeMs()).build());
    }
    return PartitionCommandResult.getDefaultInstance();
  }

  private static String memberProblem(GroupState group, OffsetCommitCommand c) {
    GroupMember m = group == null ? null : group.members().get(c.getMemberId());
    if (m == null) {
      return "unknown member " + c.getMemberId() + " of group " + c.getGroupId()
          + " (it left or its session expired)";
    }
    if (!m.knowsEpoch(c.getMemberEpoch())) {
      return "member " + c.getMemberId() + " committed with epoch " + c.getMemberEpoch() + "; its epoch is "
          + m.memberEpoch();
    }
    Set<TopicPartition> allowed = m.mayOwn();
    for (GroupOffset o : c.getOffsetsList()) {
      if (!allowed.contains(new TopicPartition(o.getTopic(), o.getPartition()))) {
        return "member " + c.getMemberId() + " at epoch " + c.getMemberEpoch() + " is not assigned "
            + o.getTopic() + "-" + o.getPartition();
      }
    }
    return null;
  }

  private static PartitionCommandResult refuse(ErrorCode code, String message) {
    return PartitionCommandResult.newBuilder().setError(code).setMessage(message).build();
  }

  /** Every group in snapshot form, ordered by id. */
  public List<GroupRecord> toSnapshot() {
    List<GroupRecord> out = new ArrayList<>();
    for (String id : groupIds()) {
      GroupState g = groups.getOrDefault(id, GroupState.empty(id, ""));
      out.add(GroupCodec.toRecord(g, offsets.getOrDefault(id, Map.of()).values()));
    }
    return out;
  }

  public void loadSnapshot(Collection<GroupRecord> records) {
    groups.clear();
    offsets.clear();
    for (GroupRecord r : records) {
      groups.put(r.getGroupId(), GroupCodec.toState(r));
      if (r.getOffsetsCount() > 0) {
        Map<TopicPartition, GroupOffset> m = new ConcurrentHashMap<>();
        r.getOffsetsList().forEach(o -> m.put(new TopicPartition(o.getTopic(), o.getPartition()), o));
        offsets.put(r.getGroupId(), m);
      }
    }
  }
}
