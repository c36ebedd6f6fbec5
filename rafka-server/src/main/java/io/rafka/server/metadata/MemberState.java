package io.rafka.server.metadata;

/** Where a registered node stands in the hash ring. */
public enum MemberState {
  /** Registered, not in the ring: the ring places nothing on it until an operator lets it in. */
  JOINING,
  /** In the ring. */
  ACTIVE,
  /** Out of the ring and being drained; deleted from the metadata once it holds no replica. */
  LEAVING
}
