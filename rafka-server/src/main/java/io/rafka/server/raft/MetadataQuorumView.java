package io.rafka.server.raft;

import java.util.List;
import java.util.Map;

/**
 * The metadata group as this node sees it: its configuration, leader (-1 if unknown), term and commit index,
 * and, when this node leads it, how long ago each other member last answered. Immutable.
 */
public record MetadataQuorumView(GroupConfiguration configuration, int leader, long term, long commitIndex,
    Map<Integer, Long> silenceMs) {

  public MetadataQuorumView {
    silenceMs = Map.copyOf(silenceMs);
  }

  public List<Integer> voterIds() {
    return configuration.voterIds();
  }
}
