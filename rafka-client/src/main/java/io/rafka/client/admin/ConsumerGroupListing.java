package io.rafka.client.admin;

/** A consumer group as listed: its id, state (Empty, Stable, Reconciling) and member count. Immutable. */
public record ConsumerGroupListing(String groupId, String state, int members) {}
