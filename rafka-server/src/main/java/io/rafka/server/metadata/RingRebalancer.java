package io.rafka.server.metadata;

import io.rafka.server.ring.HashRing;
import io.rafka.server.ring.Placement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes every partition's target the ring's placement over the image's ring members, after the members
 * changed. A partition already where the ring puts it stays put; an operator's override stays unless it names
 * a node that left the ring. Pure and deterministic, run inside apply. Stateless and thread-safe.
 */
public final class RingRebalancer {
  /**
   * Virtual points per node on the placement ring. Part of the placement function itself, so a constant:
   * nodes configured differently would otherwise place the same partition differently.
   */
  public static final int RING_POINTS_PER_NODE = 128;

  private RingRebalancer() {}

  /** The ring over the image's members; empty ring members are the caller's problem. */
  public static HashRing ring(List<Integer> members) {
    return HashRing.of(members, RING_POINTS_PER_NODE);
  }

  /** Where the ring over {@code members} puts a topic's replicas. */
  public static List<List<Integer>> place(List<Integer> members, String topic, int partitions, int rf) {
    return Placement.assign(ring(members), topic, partitions, rf);
  }

  /** The image with every partition's target set to the ring's placement (one epoch step if anything moved). */
  static ClusterImage rebalance(ClusterImage image) {
    List<Integer> members = image.ringMembers();
    Set<Integer> inRing = new HashSet<>(members);
    List<TopicInfo> changed = new ArrayList<>();
    for (TopicInfo topic : image.topics().values()) {
      if (members.size() < topic.replicationFactor()) {
        // Refused before it gets here; never fail an apply over it.
        continue;
      }
      List<List<Integer>> placement = place(members, topic.name(), topic.partitions(), topic.replicationFactor());
      TopicInfo next = topic;
      for (int p = 0; p < topic.partitions(); p++) {
        PartitionAssignment a = topic.assignment(p);
        if (a.override() && inRing.containsAll(a.replicas()) && inRing.containsAll(a.target())) {
          continue;
        }
        PartitionAssignment retargeted = a.retarget(placement.get(p), false);
        if (!retargeted.equals(a)) {
          next = next.withAssignment(p, retargeted);
        }
      }
      if (next != topic) {
        changed.add(next);
      }
    }
    return image.withTopics(changed);
  }
}
