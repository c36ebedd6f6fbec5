package io.rafka.tools;

import io.rafka.client.errors.UnknownTopicOrPartitionException;
import io.rafka.common.TopicPartition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Immutable and thread-safe: one {@code --topic} argument of {@code --reset-offsets}, a topic, meaning all its
 * partitions, or Kafka's {@code topic:p1,p2,...} for some of them.
 *
 * @param partitions the partitions named, in the order first given; empty for all
 */
record TopicSelector(String topic, List<Integer> partitions) {
  TopicSelector {
    partitions = List.copyOf(partitions);
  }

  /**
   * Parses {@code topic} or {@code topic:p1,p2,...}; a partition named twice counts once.
   *
   * @throws IllegalArgumentException for an empty topic or a partition that is not a non-negative number
   */
  static TopicSelector parse(String argument) {
    int colon = argument.indexOf(':');
    String topic = colon < 0 ? argument : argument.substring(0, colon);
    if (topic.isEmpty()) {
      throw new IllegalArgumentException("the topic is empty in '" + argument + "'");
    }
    if (colon < 0) {
      return new TopicSelector(topic, List.of());
    }
    Set<Integer> partitions = new LinkedHashSet<>();
    // The -1 limit keeps empty pieces ("t:0,"), so they are refused rather than silently dropped.
    for (String piece : argument.substring(colon + 1).split(",", -1)) {
      partitions.add(parsePartition(piece, argument));
    }
    return new TopicSelector(topic, new ArrayList<>(partitions));
  }

  /**
   * The partitions this selects, given the ones the topic has.
   *
   * @throws UnknownTopicOrPartitionException naming the partitions asked for that the topic does not have
   */
  List<TopicPartition> select(Collection<Integer> existing) {
    if (partitions.isEmpty()) {
      return new TreeSet<>(existing).stream().map(p -> new TopicPartition(topic, p)).toList();
    }
    List<Integer> missing = partitions.stream().filter(p -> !existing.contains(p)).toList();
    if (!missing.isEmpty()) {
      throw new UnknownTopicOrPartitionException("topic '" + topic + "' has " + existing.size()
          + " partitions; partition" + (missing.size() == 1 ? " " : "s ") + joined(missing)
          + (missing.size() == 1 ? " does" : " do") + " not exist");
    }
    return partitions.stream().map(p -> new TopicPartition(topic, p)).toList();
  }

  private static int parsePartition(String piece, String argument) {
    int partition;
    try {
      partition = Integer.parseInt(piece);
    } catch (NumberFormatException e) {
      throw badPartition(piece, argument);
    }
    if (partition < 0) {
      throw badPartition(piece, argument);
    }
    return partition;
  }

  private static IllegalArgumentException badPartition(String piece, String argument) {
    return new IllegalArgumentException("expected TOPIC or TOPIC:P1,P2,... with partitions as non-negative "
        + "numbers, but '" + argument + "' has '" + piece + "'");
  }

  private static String joined(List<Integer> partitions) {
    return String.join(", ", partitions.stream().map(String::valueOf).toList());
  }
}
