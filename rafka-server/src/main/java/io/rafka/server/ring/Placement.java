package io.rafka.server.ring;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;

/**
 * Stateless and thread-safe. Places the replicas of a topic's partitions on the nodes of a {@link
 * HashRing}, as a pure function of the ring, the topic name, the partition count and the
 * replication factor.
 *
 * <p>Replica sets come from consistent hashing with bounded loads (Mirrokni, Thorup and
 * Zadimoghaddam, 2016): partitions are placed in order 0..P-1, each walking the ring clockwise
 * from its own hash and taking the first nodes that are not yet full. Plain consistent hashing
 * leaves per-node load roughly Poisson, far too uneven for a topic of a hundred partitions; the cap
 * bounds the most loaded node while keeping most placements where plain hashing would put them, so
 * a membership change still moves few replicas.
 *
 * <p>The cap holds unless a partition finds fewer free nodes than it needs replicas, when the
 * least loaded nodes are overfilled instead. That was never seen with 16 or more virtual nodes per
 * node; with 1 or 4 it pushed max/mean to 1.3, so rings for placement want a few dozen or more.
 * Bounded loads caps the busiest node but not the idlest: an unlucky node can hold well under the
 * mean for one topic, which evens out across topics since each has its own partition keys.
 *
 * <p>Each replica list starts with the partition's preferred leader, chosen so that leadership is
 * spread evenly (see {@link LeaderBalancer}); the remaining replicas follow in the order the ring
 * walk took them. The list order is the leader preference from which Raft priorities are derived.
 *
 * <p>Changing {@link #SLACK_NUMERATOR}, {@link #SLACK_DENOMINATOR}, the hashing or the
 * tie-breaking changes placements cluster-wide and must be treated as a protocol change.
 */
public final class Placement {

  /**
   * The slack eps = 1/5 of the bounded-loads cap floor((1 + eps) * mean), kept as a fraction so
   * the cap is computed exactly in integers. A smaller eps balances better but displaces more
   * partitions from their hashed position, and each displacement can cascade on a membership
   * change; 1/5 keeps max/mean at most 1.2 (plus rounding, below 1.25 once the mean reaches 4).
   */
  static final int SLACK_NUMERATOR = 1;

  static final int SLACK_DENOMINATOR = 5;

  private Placement() {}

  /**
   * The replicas of each partition of {@code topic}, indexed by partition; each list holds {@code
   * replicationFactor} distinct node ids, the preferred leader first.
   *
   * @throws IllegalArgumentException if {@code topic} is empty, {@code partitionCount} or {@code
   *     replicationFactor} is not positive, or {@code replicationFactor} exceeds the ring's nodes
   */
  public static List<List<Integer>> assign(
      HashRing ring, String topic, int partitionCount, int replicationFactor) {
    Objects.requireNonNull(ring, "ring");
    Objects.requireNonNull(topic, "topic");
    if (topic.isEmpty()) {
      throw new IllegalArgumentException("topic must not be empty");
    }
    if (partitionCount < 1) {
      throw new IllegalArgumentException("partitionCount must be positive, got " + partitionCount);
    }
    if (replicationFactor < 1) {
      throw new IllegalArgumentException(
          "replicationFactor must be positive, got " + replicationFactor);
    }
    int nodeCount = ring.nodes().size();
    if (replicationFactor > nodeCount) {
      throw new IllegalArgumentException(
          "replicationFactor " + replicationFactor + " exceeds the " + nodeCount
              + " nodes in the ring");
    }
    int[][] replicas = boundedLoadReplicas(ring, topic, partitionCount, replicationFactor);
    int[] leaders = LeaderBalancer.preferredLeaders(replicas, nodeCount);
    ImmutableList.Builder<List<Integer>> result =
        ImmutableList.builderWithExpectedSize(partitionCount);
    for (int p = 0; p < partitionCount; p++) {
      result.add(leaderFirst(ring.nodes(), replicas[p], leaders[p]));
    }
    return result.build();
  }

  /**
   * The replicas of one partition, as {@code assign(ring, topic, partitionCount, rf)
   * .get(partition)}. Placement of one partition depends on all the others, so this costs as much
   * as {@link #assign}; callers needing several partitions should call that once.
   *
   * @throws IllegalArgumentException as {@link #assign}, or if {@code partition} is not in [0,
   *     {@code partitionCount})
   */
  public static List<Integer> replicasFor(
      HashRing ring, String topic, int partition, int partitionCount, int rf) {
    if (partition < 0 || partition >= partitionCount) {
      throw new IllegalArgumentException(
          "partition must be in [0, " + partitionCount + "), got " + partition);
    }
    return assign(ring, topic, partitionCount, rf).get(partition);
  }

  /** The most replicas any one node is given, never below the mean rounded up so all fit. */
  static long capacity(int nodeCount, int partitionCount, int replicationFactor) {
    long total = (long) partitionCount * replicationFactor;
    long fairShare = (total + nodeCount - 1) / nodeCount;
    long withSlack =
        total * (SLACK_DENOMINATOR + SLACK_NUMERATOR) / ((long) SLACK_DENOMINATOR * nodeCount);
    return Math.max(fairShare, withSlack);
  }

  /** Replica sets as node indices in ring order, i.e. the order in which they were taken. */
  private static int[][] boundedLoadReplicas(
      HashRing ring, String topic, int partitionCount, int replicationFactor) {
    int nodeCount = ring.nodes().size();
    long capacity = capacity(nodeCount, partitionCount, replicationFactor);
    int[] load = new int[nodeCount];
    int[][] replicas = new int[partitionCount][];
    for (int p = 0; p < partitionCount; p++) {
      int[] walk = ring.walkIndices(RingHash.partitionKey(topic, p));
      int[] chosen = new int[replicationFactor];
      boolean[] taken = new boolean[nodeCount];
      int count = 0;
      for (int i = 0; i < walk.length && count < replicationFactor; i++) {
        if (load[walk[i]] < capacity) {
          taken[walk[i]] = true;
          chosen[count++] = walk[i];
        }
      }
      // Total capacity always covers every replica, but the free room can end up on fewer nodes
      // than one partition needs (e.g. two full nodes and an empty one for RF 2); distinctness
      // matters more than the cap, so overfill the least loaded nodes, earliest in ring order.
      while (count < replicationFactor) {
        int least = -1;
        for (int node : walk) {
          if (!taken[node] && (least < 0 || load[node] < load[least])) {
            least = node;
          }
        }
        taken[least] = true;
        chosen[count++] = least;
      }
      for (int node : chosen) {
        load[node]++;
      }
      replicas[p] = chosen;
    }
    return replicas;
  }

  private static List<Integer> leaderFirst(List<Integer> nodeIds, int[] ringOrder, int leader) {
    ImmutableList.Builder<Integer> ids = ImmutableList.builderWithExpectedSize(ringOrder.length);
    ids.add(nodeIds.get(leader));
    for (int node : ringOrder) {
      if (node != leader) {
        ids.add(nodeIds.get(node));
      }
    }
    return ids.build();
  }
}
