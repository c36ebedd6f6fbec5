package io.rafka.server.membership;

import io.rafka.proto.PartitionMove;
import io.rafka.server.metadata.ClusterImage;
import io.rafka.server.metadata.PartitionAssignment;
import io.rafka.server.metadata.PartitionRef;
import io.rafka.server.metadata.TopicInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Compares two metadata images partition by partition: which moves one image starts over the other. */
final class Moves {
  private Moves() {}

  /**
   * Every partition whose destination (its target if moving, else its replicas) differs between the images,
   * from its replicas in {@code before} to its destination in {@code after}, in topic then partition order.
   */
  static List<PartitionMove> between(ClusterImage before, ClusterImage after, Map<PartitionRef, Long> sizes) {
    List<PartitionMove> moves = new ArrayList<>();
    for (TopicInfo t : after.topics().values()) {
      TopicInfo old = before.topicById(t.topicId()).orElse(null);
      if (old == null) {
        continue;
      }
      for (int p = 0; p < t.partitions(); p++) {
        PartitionAssignment was = old.assignment(p);
        List<Integer> to = destination(t.assignment(p));
        if (!to.equals(destination(was))) {
          moves.add(PartitionMove.newBuilder().setTopic(t.name()).setPartition(p).addAllFrom(was.replicas())
              .addAllTo(to).setOverride(t.assignment(p).override())
              .setSizeBytes(sizes.getOrDefault(new PartitionRef(t.topicId(), p), -1L)).build());
        }
      }
    }
    return moves;
  }

  /** Replicas per node, counting each partition where it is headed. */
  static Map<Integer, Integer> replicasPerNode(ClusterImage image, boolean destination) {
    Map<Integer, Integer> counts = new TreeMap<>();
    image.nodes().keySet().forEach(n -> counts.put(n, 0));
    for (TopicInfo t : image.topics().values()) {
      for (PartitionAssignment a : t.assignments()) {
        (destination ? destination(a) : a.replicas()).forEach(n -> counts.merge(n, 1, Integer::sum));
      }
    }
    return counts;
  }

  static List<Integer> destination(PartitionAssignment a) {
    return a.moving() ? a.target() : a.replicas();
  }
}
