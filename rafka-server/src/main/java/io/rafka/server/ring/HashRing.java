package io.rafka.server.ring;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Immutable and thread-safe. A consistent-hash ring of cluster nodes, each owning a fixed number of
 * virtual points, which orders the nodes clockwise from any hash position.
 *
 * <p>The ring is a pure function of the set of node ids and the number of virtual nodes: the order
 * in which ids are supplied does not matter. Positions are compared as signed longs; points at the
 * same position are ordered by node id so that a (practically impossible) collision is still
 * resolved identically everywhere.
 */
public final class HashRing {

  /** Keeps a typo in configuration from exhausting the heap; 1000 nodes x 1000 points fit. */
  static final int MAX_POINTS = 1 << 20;

  /** Node indices ascend with node ids, so ties between positions are broken by node id. */
  private static final Comparator<Point> POINT_ORDER =
      Comparator.comparingLong(Point::position).thenComparingInt(Point::nodeIndex);

  private final ImmutableList<Integer> nodes;
  private final int virtualNodesPerNode;
  private final long[] positions;
  /** Owner of each point as an index into {@link #nodes}, so walks can track visits in an array. */
  private final int[] owners;

  private HashRing(ImmutableList<Integer> nodes, int virtualNodesPerNode, Point[] sortedPoints) {
    this.nodes = nodes;
    this.virtualNodesPerNode = virtualNodesPerNode;
    this.positions = new long[sortedPoints.length];
    this.owners = new int[sortedPoints.length];
    for (int i = 0; i < sortedPoints.length; i++) {
      positions[i] = sortedPoints[i].position();
      owners[i] = sortedPoints[i].nodeIndex();
    }
  }

  /**
   * Builds the ring of {@code nodeIds}, each placed at {@code virtualNodesPerNode} points.
   *
   * @throws IllegalArgumentException if {@code nodeIds} is empty or holds a null, negative or
   *     repeated id, if {@code virtualNodesPerNode} is not positive, or if the ring would exceed
   *     {@value #MAX_POINTS} points
   */
  public static HashRing of(Collection<Integer> nodeIds, int virtualNodesPerNode) {
    Objects.requireNonNull(nodeIds, "nodeIds");
    if (nodeIds.isEmpty()) {
      throw new IllegalArgumentException("nodeIds must not be empty");
    }
    if (virtualNodesPerNode < 1) {
      throw new IllegalArgumentException(
          "virtualNodesPerNode must be positive, got " + virtualNodesPerNode);
    }
    TreeSet<Integer> sorted = new TreeSet<>();
    for (Integer id : nodeIds) {
      if (id == null) {
        throw new IllegalArgumentException("nodeIds must not contain null");
      }
      if (id < 0) {
        throw new IllegalArgumentException("nodeIds must be non-negative, got " + id);
      }
      if (!sorted.add(id)) {
        throw new IllegalArgumentException("nodeIds must be distinct, " + id + " appears twice");
      }
    }
    long pointCount = (long) sorted.size() * virtualNodesPerNode;
    if (pointCount > MAX_POINTS) {
      throw new IllegalArgumentException(
          "nodeIds.size() * virtualNodesPerNode must be at most " + MAX_POINTS + ", got "
              + sorted.size() + " * " + virtualNodesPerNode);
    }
    ImmutableList<Integer> nodes = ImmutableList.copyOf(sorted);
    Point[] points = new Point[(int) pointCount];
    int next = 0;
    for (int index = 0; index < nodes.size(); index++) {
      for (int i = 0; i < virtualNodesPerNode; i++) {
        points[next++] = new Point(RingHash.nodePoint(nodes.get(index), i), index);
      }
    }
    Arrays.sort(points, POINT_ORDER);
    return new HashRing(nodes, virtualNodesPerNode, points);
  }

  /** The member node ids in ascending order. */
  public List<Integer> nodes() {
    return nodes;
  }

  public int virtualNodesPerNode() {
    return virtualNodesPerNode;
  }

  /**
   * Every member exactly once, in the order their first points are met when walking clockwise
   * from the first point at or after {@code hash}, wrapping past the largest position.
   */
  public List<Integer> walk(long hash) {
    int[] indices = walkIndices(hash);
    ImmutableList.Builder<Integer> ids = ImmutableList.builderWithExpectedSize(indices.length);
    for (int index : indices) {
      ids.add(nodes.get(index));
    }
    return ids.build();
  }

  /** As {@link #walk}, but as indices into {@link #nodes()}, which placement counts loads by. */
  int[] walkIndices(long hash) {
    int[] order = new int[nodes.size()];
    boolean[] seen = new boolean[nodes.size()];
    int found = 0;
    int start = firstAtOrAfter(hash);
    // A uniformly random sequence of owners contains all N nodes after about N ln N points, so
    // stopping once everyone is found keeps a walk far shorter than the whole ring.
    for (int step = 0; step < positions.length && found < order.length; step++) {
      int owner = owners[(start + step) % positions.length];
      if (!seen[owner]) {
        seen[owner] = true;
        order[found++] = owner;
      }
    }
    return order;
  }

  private int firstAtOrAfter(long hash) {
    int low = 0;
    int high = positions.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (positions[mid] < hash) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low == positions.length ? 0 : low;
  }

  @Override
  public String toString() {
    return "HashRing{nodes=" + nodes + ", virtualNodesPerNode=" + virtualNodesPerNode + "}";
  }

  private record Point(long position, int nodeIndex) {}
}
