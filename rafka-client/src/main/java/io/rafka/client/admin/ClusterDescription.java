package io.rafka.client.admin;

import java.util.List;

/** The cluster's members and its metadata epoch, as one node sees them. Immutable. */
public record ClusterDescription(long metadataEpoch, int answeredBy, List<NodeDescription> nodes) {
  public ClusterDescription {
    nodes = List.copyOf(nodes);
  }
}
