package io.rafka.server.group.assign;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The partition assignors a group can be configured with, by name; stateless and thread-safe, as are the
 * assignors it hands out, so every caller shares the same instances.
 */
public final class Assignors {
  /** The sticky assignor: balanced, and it moves the fewest partitions on a rebalance. */
  public static final PartitionAssignor DEFAULT = new StickyAssignor();

  private static final SortedMap<String, PartitionAssignor> BY_NAME = byName(
      List.of(new RangeAssignor(), new RoundRobinAssignor(), DEFAULT));

  private Assignors() {}

  /**
   * The assignor called {@code name}, as in Kafka: {@code range}, {@code roundrobin} or {@code sticky}.
   *
   * @throws IllegalArgumentException if no assignor has that name; the message names it and the valid ones
   */
  public static PartitionAssignor byName(String name) {
    Objects.requireNonNull(name, "name");
    PartitionAssignor assignor = BY_NAME.get(name);
    if (assignor == null) {
      throw new IllegalArgumentException(
          "unknown partition assignor '" + name + "'; valid assignors: " + String.join(", ", BY_NAME.keySet()));
    }
    return assignor;
  }

  /** Every assignor, in name order. */
  public static List<PartitionAssignor> all() {
    return List.copyOf(BY_NAME.values());
  }

  private static SortedMap<String, PartitionAssignor> byName(List<PartitionAssignor> assignors) {
    SortedMap<String, PartitionAssignor> byName = new TreeMap<>();
    assignors.forEach(assignor -> byName.put(assignor.name(), assignor));
    return Collections.unmodifiableSortedMap(byName);
  }
}
