package io.rafka.server.group.assign;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A group member as an assignor sees it; immutable and thread-safe. The topics are copied into a sorted set so
 * that nothing downstream can depend on the caller's set iteration order.
 *
 * @param memberId the member id, unique within the group
 * @param topics the topic names the member subscribes to; they need not exist
 */
public record MemberSubscription(String memberId, Set<String> topics) {
  public MemberSubscription {
    Objects.requireNonNull(memberId, "memberId");
    topics = Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(topics, "topics")));
  }
}
