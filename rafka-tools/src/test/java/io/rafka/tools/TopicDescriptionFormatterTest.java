package io.rafka.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rafka.client.admin.PartitionInfo;
import io.rafka.client.admin.TopicDescription;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicDescriptionFormatterTest {
  @Test
  void printsAHeaderAndOnePartitionLineEachInPartitionOrder() {
    TopicDescription topic = new TopicDescription("orders", "a1b2", 3, List.of(
        new PartitionInfo(1, 3, List.of(3, 1, 2), 5, 17),
        new PartitionInfo(0, 2, List.of(2, 3, 1), 0, 42)),
        Map.of("retention.ms", "60000", "cleanup.policy", "delete"));
    assertEquals(List.of(
        "Topic: orders\tTopicId: a1b2\tPartitionCount: 2\tReplicationFactor: 3"
            + "\tConfigs: cleanup.policy=delete,retention.ms=60000",
        "\tTopic: orders\tPartition: 0\tLeader: 2\tReplicas: 2,3,1\tLogStartOffset: 0\tHighWatermark: 42",
        "\tTopic: orders\tPartition: 1\tLeader: 3\tReplicas: 3,1,2\tLogStartOffset: 5\tHighWatermark: 17"),
        TopicDescriptionFormatter.format(topic));
  }

  @Test
  void showsNoneForAMissingLeaderAndQuestionMarksForUnknownOffsets() {
    TopicDescription topic = new TopicDescription("t", "id", 1,
        List.of(new PartitionInfo(0, -1, List.of(1), -1, -1)), Map.of());
    assertEquals(List.of(
        "Topic: t\tTopicId: id\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: ",
        "\tTopic: t\tPartition: 0\tLeader: none\tReplicas: 1\tLogStartOffset: ?\tHighWatermark: ?"),
        TopicDescriptionFormatter.format(topic));
  }
}
