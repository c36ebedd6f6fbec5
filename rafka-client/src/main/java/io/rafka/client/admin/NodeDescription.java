package io.rafka.client.admin;

/**
 * A cluster member as the metadata lists it. Immutable and thread-safe.
 *
 * @param nodeId the node's id
 * @param clientAddress where clients reach it (host:port)
 * @param metadataVoter whether it votes in the metadata group
 * @param state where it stands in the hash ring
 * @param downSinceMs when it stopped answering the metadata group, in milliseconds since the epoch; 0 while it
 *     answers
 */
public record NodeDescription(int nodeId, String clientAddress, boolean metadataVoter, NodeState state,
    long downSinceMs) {
  /** A member whose state is unknown and that is taken to answer. */
  public NodeDescription(int nodeId, String clientAddress, boolean metadataVoter) {
    this(nodeId, clientAddress, metadataVoter, NodeState.UNKNOWN, 0);
  }
}
