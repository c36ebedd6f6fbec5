package io.rafka.server.group.assign;

import java.util.Map;
import java.util.Set;

/**
 * Kafka's {@code range} assignor; stateless and thread-safe. Topic by topic, the partitions in order are cut
 * into contiguous ranges over the topic's subscribers in member id order, the first {@code count % subscribers}
 * of them taking one extra. Members subscribed to the same topics therefore own the same partition numbers of
 * each, which suits joins of co-partitioned topics, at the price of balance across topics and of stickiness.
 */
public final class RangeAssignor implements PartitionAssignor {

  @Override
  public String name() {
    return "range";
  }

  @Override
  public Map<String, Set<TopicPartition>> assign(AssignmentInput input) {
    Eligibility eligibility = Eligibility.of(input);
    AssignmentBuilder result = new AssignmentBuilder(eligibility);
    for (int topic = 0; topic < eligibility.topicCount(); topic++) {
      int[] subscribers = eligibility.subscribers(topic);
      int count = eligibility.partitionCount(topic);
      int base = count / subscribers.length;
      int extra = count % subscribers.length;
      int next = 0;
      for (int i = 0; i < subscribers.length; i++) {
        int end = next + base + (i < extra ? 1 : 0);
        for (; next < end; next++) {
          result.add(subscribers[i], topic, next);
        }
      }
    }
    return result.build();
  }
}
