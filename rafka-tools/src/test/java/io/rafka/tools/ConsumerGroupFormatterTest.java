package io.rafka.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rafka.client.admin.ConsumerGroupDescription;
import io.rafka.client.admin.GroupMemberInfo;
import io.rafka.client.admin.PartitionLag;
import io.rafka.common.TopicPartition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ConsumerGroupFormatterTest {
  private static final TopicPartition ORDERS_0 = new TopicPartition("orders", 0);
  private static final TopicPartition ORDERS_1 = new TopicPartition("orders", 1);
  private static final TopicPartition ORDERS_2 = new TopicPartition("orders", 2);
  private static final TopicPartition AUDIT_0 = new TopicPartition("audit", 0);
  private static final String OFFSETS_HEADER = "GROUP           TOPIC           PARTITION  CURRENT-OFFSET  "
      + "LOG-END-OFFSET  LAG             CONSUMER-ID     CLIENT-ID";

  private static ConsumerGroupDescription group(String state, List<GroupMemberInfo> members,
      Map<TopicPartition, PartitionLag> partitions) {
    return new ConsumerGroupDescription("orders-app", state, 7, "sticky", 2, members, partitions);
  }

  private static GroupMemberInfo member(String id, String clientId, TopicPartition... assignment) {
    return new GroupMemberInfo(id, clientId, 3, List.of("orders", "audit"), Set.of(assignment));
  }

  @Test
  void describesEachAssignedOrCommittedPartitionByTopicThenPartition() {
    ConsumerGroupDescription group = group("Stable",
        List.of(member("consumer-1-abc", "consumer-1", ORDERS_1, ORDERS_0)),
        Map.of(ORDERS_1, new PartitionLag(-1, 3, -1), AUDIT_0, new PartitionLag(7, 7, 0),
            ORDERS_0, new PartitionLag(5, 10, 5)));
    assertEquals(List.of(
        OFFSETS_HEADER,
        "orders-app      audit           0          7               7               0               "
            + "-               -",
        "orders-app      orders          0          5               10              5               "
            + "consumer-1-abc  consumer-1",
        "orders-app      orders          1          -               3               -               "
            + "consumer-1-abc  consumer-1"),
        ConsumerGroupFormatter.offsets(group));
    assertEquals(Optional.empty(), ConsumerGroupFormatter.notice(group));
  }

  @Test
  void aLongNameWidensItsColumnForEveryRow() {
    String member = "consumer-1-0f9a1c2e-7d3b-4e58-a1b2-c3d4e5f60718";
    ConsumerGroupDescription group = group("Stable", List.of(member(member, "", ORDERS_0)),
        Map.of(ORDERS_0, new PartitionLag(1, 2, 1), ORDERS_1, new PartitionLag(2, 2, 0)));
    assertEquals(List.of(
        "GROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             "
            + "CONSUMER-ID                                     CLIENT-ID",
        "orders-app      orders          0          1               2               1               "
            + "consumer-1-0f9a1c2e-7d3b-4e58-a1b2-c3d4e5f60718 -",
        "orders-app      orders          1          2               2               0               "
            + "-                                               -"),
        ConsumerGroupFormatter.offsets(group));
  }

  @Test
  void anEmptyGroupGetsKafkasNoticeAndStillShowsItsCommittedOffsets() {
    ConsumerGroupDescription group = group("Empty", List.of(), Map.of(ORDERS_0, new PartitionLag(4, 9, 5)));
    assertEquals(Optional.of("Consumer group 'orders-app' has no active members."),
        ConsumerGroupFormatter.notice(group));
    assertEquals(List.of(
        OFFSETS_HEADER,
        "orders-app      orders          0          4               9               5               "
            + "-               -"),
        ConsumerGroupFormatter.offsets(group));
  }

  @Test
  void printsNoTableWithoutRowsAsKafkaDoes() {
    ConsumerGroupDescription group = group("Empty", List.of(), Map.of());
    assertEquals(List.of(), ConsumerGroupFormatter.offsets(group));
    assertEquals(List.of(), ConsumerGroupFormatter.members(group));
  }

  @Test
  void warnsThatAReconcilingGroupIsRebalancing() {
    ConsumerGroupDescription group = group("Reconciling", List.of(member("m", "c")), Map.of());
    assertEquals(Optional.of("Warning: Consumer group 'orders-app' is rebalancing."),
        ConsumerGroupFormatter.notice(group));
  }

  @Test
  void listsMembersByIdWithTheirAssignmentsInKafkasForm() {
    ConsumerGroupDescription group = group("Stable",
        List.of(member("b-member", "client-b", ORDERS_2, AUDIT_0, ORDERS_0), member("a-member", "")),
        Map.of());
    assertEquals(List.of(
        "GROUP           CONSUMER-ID     CLIENT-ID       #PARTITIONS     ASSIGNMENT",
        "orders-app      a-member        -               0               -",
        "orders-app      b-member        client-b        3               audit(0), orders(0,2)"),
        ConsumerGroupFormatter.members(group));
  }

  @Test
  void showsTheStateWithTheCoordinatorsAddressAndId() {
    ConsumerGroupDescription group = group("Stable", List.of(member("a", "c"), member("b", "c")), Map.of());
    assertEquals(List.of(
        "GROUP           COORDINATOR (ID)          ASSIGNMENT-STRATEGY  STATE           #MEMBERS",
        "orders-app      127.0.0.1:9092 (2)        sticky               Stable          2"),
        ConsumerGroupFormatter.state(group, Optional.of("127.0.0.1:9092")));
  }

  @Test
  void showsAnUnknownCoordinatorAddressAndAnUnsetAssignor() {
    ConsumerGroupDescription group = new ConsumerGroupDescription("g", "Empty", 0, "", 3, List.of(), Map.of());
    assertEquals(List.of(
        "GROUP           COORDINATOR (ID)          ASSIGNMENT-STRATEGY  STATE           #MEMBERS",
        "g               ? (3)                     -                    Empty           0"),
        ConsumerGroupFormatter.state(group, Optional.empty()));
  }

  @Test
  void printsTheResetPlanInKafkasLayout() {
    assertEquals(List.of(
        "GROUP                          TOPIC                          PARTITION  NEW-OFFSET",
        "g                              audit                          0          0",
        "g                              orders                         1          42"),
        ConsumerGroupFormatter.resetPlan("g", new TreeMap<>(Map.of(ORDERS_1, 42L, AUDIT_0, 0L))));
  }
}
