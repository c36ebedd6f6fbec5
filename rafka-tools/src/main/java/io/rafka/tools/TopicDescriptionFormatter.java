package io.rafka.tools;

import io.rafka.client.admin.PartitionInfo;
import io.rafka.client.admin.TopicDescription;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Renders a topic as {@code rafka-topics.sh --describe} prints it, in the layout of Kafka's
 * {@code kafka-topics.sh --describe}: a tab-separated header line, then one tab-indented line per
 * partition, with the partition's offsets where Kafka shows its ISR. Stateless and thread-safe.
 */
final class TopicDescriptionFormatter {
  private TopicDescriptionFormatter() {}

  /** The header line followed by one line per partition, in partition order; no line separators. */
  static List<String> format(TopicDescription topic) {
    List<String> lines = new ArrayList<>();
    lines.add("Topic: " + topic.name()
        + "\tTopicId: " + topic.topicId()
        + "\tPartitionCount: " + topic.partitions().size()
        + "\tReplicationFactor: " + topic.replicationFactor()
        + "\tConfigs: " + configs(topic.configs()));
    topic.partitions().stream().sorted(Comparator.comparingInt(PartitionInfo::partition))
        .forEach(p -> lines.add("\tTopic: " + topic.name()
            + "\tPartition: " + p.partition()
            + "\tLeader: " + (p.leader() < 0 ? "none" : Integer.toString(p.leader()))
            + "\tReplicas: " + p.replicas().stream().map(String::valueOf).collect(Collectors.joining(","))
            + "\tLogStartOffset: " + offset(p.logStartOffset())
            + "\tHighWatermark: " + offset(p.highWatermark())));
    return lines;
  }

  /** Sorted by key, so the same topic always prints the same way (the client's map has no order). */
  private static String configs(Map<String, String> configs) {
    return new TreeMap<>(configs).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }

  /** The client reports -1 when the answering node hosts no replica and so does not know the offset. */
  private static String offset(long offset) {
    return offset < 0 ? "?" : Long.toString(offset);
  }
}
