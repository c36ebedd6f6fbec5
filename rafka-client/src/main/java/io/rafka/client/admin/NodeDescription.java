package io.rafka.client.admin;

/** A cluster member. Immutable. */
public record NodeDescription(int nodeId, String clientAddress, boolean metadataVoter) {}
