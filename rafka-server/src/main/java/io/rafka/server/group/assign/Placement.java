package io.rafka.server.group.assign;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * The sticky assignor's working state: who owns each assignable partition now and who owned it before;
 * mutable and not thread-safe, confined to a single {@code assign} call. Partitions are numbered globally,
 * topic after topic in topic order, so that ownership is a flat array rather than a map of objects.
 */
final class Placement {
  private static final int NOBODY = -1;

  private final Eligibility eligibility;
  private final int[] firstPartition;
  private final int[] topicOf;
  private final int[] owner;
  private final int[] previousOwner;
  private final int[] load;
  private final int[][] ownedPerTopic;

  Placement(Eligibility eligibility) {
    this.eligibility = eligibility;
    int topics = eligibility.topicCount();
    this.firstPartition = new int[topics + 1];
    for (int t = 0; t < topics; t++) {
      firstPartition[t + 1] = firstPartition[t] + eligibility.partitionCount(t);
    }
    int partitions = firstPartition[topics];
    this.topicOf = new int[partitions];
    for (int t = 0; t < topics; t++) {
      for (int p = firstPartition[t]; p < firstPartition[t + 1]; p++) {
        topicOf[p] = t;
      }
    }
    this.owner = filled(partitions);
    this.previousOwner = filled(partitions);
    this.load = new int[eligibility.memberCount()];
    this.ownedPerTopic = new int[eligibility.memberCount()][topics];
  }

  int partitionCount() {
    return owner.length;
  }

  /** The global number of a partition; the caller has checked that it is assignable. */
  int partitionOf(int topic, int partition) {
    return firstPartition[topic] + partition;
  }

  int topicOf(int partition) {
    return topicOf[partition];
  }

  boolean isOwned(int partition) {
    return owner[partition] != NOBODY;
  }

  int load(int member) {
    return load[member];
  }

  boolean ownsAnyOf(int member, int topic) {
    return ownedPerTopic[member][topic] > 0;
  }

  /** Gives an unowned partition back to the member that owned it before, remembering it as that owner. */
  void keep(int member, int partition) {
    previousOwner[partition] = member;
    place(member, partition);
  }

  /** Gives an unowned partition to a member. */
  void place(int member, int partition) {
    owner[partition] = member;
    load[member]++;
    ownedPerTopic[member][topicOf[partition]]++;
  }

  /**
   * Moves one of {@code from}'s partitions of {@code topic} to {@code to}. Which one matters only for
   * stickiness: first one that {@code to} owned before (the move undoes an earlier one), then one that
   * {@code from} did not own before (it has moved already, so moving it again costs nothing), then any; ties
   * go to the highest partition number.
   */
  void moveOne(int topic, int from, int to) {
    int chosen = NOBODY;
    int chosenCost = Integer.MAX_VALUE;
    for (int p = firstPartition[topic + 1] - 1; p >= firstPartition[topic]; p--) {
      if (owner[p] == from) {
        int cost = previousOwner[p] == to ? 0 : previousOwner[p] == from ? 2 : 1;
        if (cost < chosenCost) {
          chosen = p;
          chosenCost = cost;
        }
      }
    }
    release(from, chosen);
    place(to, chosen);
  }

  /** The assignment as {@link PartitionAssignor#assign} returns it; every partition must be owned by now. */
  Map<String, Set<TopicPartition>> toAssignment() {
    AssignmentBuilder result = new AssignmentBuilder(eligibility);
    for (int p = 0; p < owner.length; p++) {
      int topic = topicOf[p];
      result.add(owner[p], topic, p - firstPartition[topic]);
    }
    return result.build();
  }

  private void release(int member, int partition) {
    owner[partition] = NOBODY;
    load[member]--;
    ownedPerTopic[member][topicOf[partition]]--;
  }

  private static int[] filled(int length) {
    int[] array = new int[length];
    Arrays.fill(array, NOBODY);
    return array;
  }
}
