package io.rafka.tools;

import io.rafka.client.admin.ConsumerGroupDescription;
import io.rafka.client.admin.GroupMemberInfo;
import io.rafka.common.TopicPartition;
import io.rafka.tools.TextTable.Column;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Stateless and thread-safe: renders what {@code rafka-consumer-groups.sh} prints, in the layout of Kafka's
 * {@code kafka-consumer-groups.sh} less its HOST column (Rafka does not know members' hosts): the
 * {@code --describe} views and the {@code --reset-offsets} plan.
 *
 * <p>Every method returns lines without line separators; "-" stands for a value that is not known or does not
 * apply, as in Kafka.
 */
final class ConsumerGroupFormatter {
  static final String MISSING = "-";
  /** The state the coordinator reports while members take up or give up partitions. */
  static final String RECONCILING = "Reconciling";

  private static final List<Column> OFFSET_COLUMNS = List.of(new Column("GROUP", 15), new Column("TOPIC", 15),
      new Column("PARTITION", 10), new Column("CURRENT-OFFSET", 15), new Column("LOG-END-OFFSET", 15),
      new Column("LAG", 15), new Column("CONSUMER-ID", 15), new Column("CLIENT-ID", 0));
  private static final List<Column> MEMBER_COLUMNS = List.of(new Column("GROUP", 15),
      new Column("CONSUMER-ID", 15), new Column("CLIENT-ID", 15), new Column("#PARTITIONS", 15),
      new Column("ASSIGNMENT", 0));
  private static final List<Column> STATE_COLUMNS = List.of(new Column("GROUP", 15),
      new Column("COORDINATOR (ID)", 25), new Column("ASSIGNMENT-STRATEGY", 20), new Column("STATE", 15),
      new Column("#MEMBERS", 0));
  private static final List<Column> RESET_COLUMNS = List.of(new Column("GROUP", 30), new Column("TOPIC", 30),
      new Column("PARTITION", 10), new Column("NEW-OFFSET", 0));

  private ConsumerGroupFormatter() {}

  /**
   * What Kafka says about a group before describing it, if anything: that it has no active members, or that
   * it is rebalancing (so the assignment shown may be about to change).
   */
  static Optional<String> notice(ConsumerGroupDescription group) {
    if (group.members().isEmpty()) {
      return Optional.of("Consumer group '" + group.groupId() + "' has no active members.");
    }
    if (RECONCILING.equals(group.state())) {
      return Optional.of("Warning: Consumer group '" + group.groupId() + "' is rebalancing.");
    }
    return Optional.empty();
  }

  /**
   * The {@code --describe} table: one row per partition that is assigned or has a committed offset, by topic
   * then partition. Empty when there is no such partition, since Kafka prints no table then.
   */
  static List<String> offsets(ConsumerGroupDescription group) {
    Map<TopicPartition, GroupMemberInfo> owners = owners(group.members());
    List<List<String>> rows = new ArrayList<>();
    new TreeMap<>(group.partitions()).forEach((tp, lag) -> {
      Optional<GroupMemberInfo> owner = Optional.ofNullable(owners.get(tp));
      rows.add(List.of(group.groupId(), tp.topic(), Integer.toString(tp.partition()),
          known(lag.committedOffset()), Long.toString(lag.highWatermark()), known(lag.lag()),
          owner.map(GroupMemberInfo::memberId).orElse(MISSING),
          owner.map(m -> orMissing(m.clientId())).orElse(MISSING)));
    });
    return rows.isEmpty() ? List.of() : TextTable.render(OFFSET_COLUMNS, rows);
  }

  /** The {@code --describe --members} table, by member id; empty when the group has no members. */
  static List<String> members(ConsumerGroupDescription group) {
    List<List<String>> rows = new ArrayList<>();
    sortedMembers(group.members()).forEach(m -> rows.add(List.of(group.groupId(), m.memberId(),
        orMissing(m.clientId()), Integer.toString(m.assignment().size()), assignment(m))));
    return rows.isEmpty() ? List.of() : TextTable.render(MEMBER_COLUMNS, rows);
  }

  /**
   * The {@code --describe --state} table: one row.
   *
   * @param coordinatorAddress the coordinator's client address, if the cluster metadata names it
   */
  static List<String> state(ConsumerGroupDescription group, Optional<String> coordinatorAddress) {
    String coordinator = coordinatorAddress.orElse("?") + " (" + group.coordinator() + ")";
    return TextTable.render(STATE_COLUMNS, List.of(List.of(group.groupId(), coordinator,
        orMissing(group.assignor()), group.state(), Integer.toString(group.members().size()))));
  }

  /** The {@code --reset-offsets} table: one row per partition, by topic then partition. */
  static List<String> resetPlan(String groupId, SortedMap<TopicPartition, Long> newOffsets) {
    List<List<String>> rows = new ArrayList<>();
    newOffsets.forEach((tp, offset) -> rows.add(List.of(groupId, tp.topic(), Integer.toString(tp.partition()),
        Long.toString(offset))));
    return TextTable.render(RESET_COLUMNS, rows);
  }

  /**
   * Which member owns each partition. A partition appears in one member's assignment only; were it in two
   * (mid-move), the first member by id is shown, so the output stays the same from run to run.
   */
  private static Map<TopicPartition, GroupMemberInfo> owners(List<GroupMemberInfo> members) {
    Map<TopicPartition, GroupMemberInfo> owners = new HashMap<>();
    sortedMembers(members).forEach(m -> m.assignment().forEach(tp -> owners.putIfAbsent(tp, m)));
    return owners;
  }

  private static List<GroupMemberInfo> sortedMembers(List<GroupMemberInfo> members) {
    return members.stream().sorted(Comparator.comparing(GroupMemberInfo::memberId)).toList();
  }

  /** Kafka's form, {@code orders(0,2), payments(1)}: topics by name, each with its partitions in order. */
  private static String assignment(GroupMemberInfo member) {
    if (member.assignment().isEmpty()) {
      return MISSING;
    }
    Map<String, TreeSet<Integer>> byTopic = new TreeMap<>();
    member.assignment().forEach(tp -> byTopic.computeIfAbsent(tp.topic(), t -> new TreeSet<>()).add(tp.partition()));
    return byTopic.entrySet().stream()
        .map(e -> e.getKey() + e.getValue().stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")")))
        .collect(Collectors.joining(", "));
  }

  /** The client reports -1 for a committed offset (and so a lag) that does not exist. */
  private static String known(long value) {
    return value < 0 ? MISSING : Long.toString(value);
  }

  private static String orMissing(String text) {
    return text.isEmpty() ? MISSING : text;
  }
}
