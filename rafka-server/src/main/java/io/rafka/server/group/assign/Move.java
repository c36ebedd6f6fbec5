package io.rafka.server.group.assign;

/**
 * One step of a rebalancing chain: some partition of {@code topic} passes from member {@code from} to member
 * {@code to}; immutable and thread-safe. Members and topics are {@link Eligibility} indexes.
 */
record Move(int from, int to, int topic) {}
