package io.rafka.server.group.assign;

import java.util.Map;
import java.util.Set;

/**
 * Kafka's {@code roundrobin} assignor; stateless and thread-safe. All assignable partitions, sorted by topic
 * then partition, are dealt in turn over the members in member id order; a member not subscribed to a
 * partition's topic is skipped for that partition, and the deal carries on from the member after the one that
 * took it. Balanced when subscriptions are equal; ignores what members owned before.
 */
public final class RoundRobinAssignor implements PartitionAssignor {

  @Override
  public String name() {
    return "roundrobin";
  }

  @Override
  public Map<String, Set<TopicPartition>> assign(AssignmentInput input) {
    Eligibility eligibility = Eligibility.of(input);
    AssignmentBuilder result = new AssignmentBuilder(eligibility);
    int members = eligibility.memberCount();
    int turn = 0;
    for (int topic = 0; topic < eligibility.topicCount(); topic++) {
      for (int partition = 0; partition < eligibility.partitionCount(topic); partition++) {
        // Terminates: an assignable topic has at least one subscriber.
        while (!eligibility.subscribes(turn, topic)) {
          turn = (turn + 1) % members;
        }
        result.add(turn, topic, partition);
        turn = (turn + 1) % members;
      }
    }
    return result.build();
  }
}
