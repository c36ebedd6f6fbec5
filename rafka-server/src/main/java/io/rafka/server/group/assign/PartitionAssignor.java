package io.rafka.server.group.assign;

import java.util.Map;
import java.util.Set;

/**
 * Computes which member of a consumer group owns which partition; implementations are stateless and
 * thread-safe, so the group coordinator can share one instance across groups.
 *
 * <p>Every implementation keeps these rules: the result has an entry (possibly empty) for every member; every
 * partition of every existing topic that some member subscribes to is owned by exactly one member subscribed
 * to its topic; nothing else is assigned; and the result is a pure function of the input.
 */
public interface PartitionAssignor {

  /** The name a group configures this assignor by, as in Kafka. */
  String name();

  /** The assignment for {@code input}: member id to the partitions it owns, as unmodifiable sorted collections. */
  Map<String, Set<TopicPartition>> assign(AssignmentInput input);
}
