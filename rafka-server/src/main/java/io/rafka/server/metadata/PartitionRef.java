package io.rafka.server.metadata;

import java.util.Comparator;

/** A partition by topic id (one incarnation of a topic) and index. Immutable; ordered by topic id, then index. */
public record PartitionRef(String topicId, int partition) implements Comparable<PartitionRef> {
  private static final Comparator<PartitionRef> ORDER =
      Comparator.comparing(PartitionRef::topicId).thenComparingInt(PartitionRef::partition);

  @Override
  public int compareTo(PartitionRef other) {
    return ORDER.compare(this, other);
  }
}
