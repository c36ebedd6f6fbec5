package io.rafka.client.admin;

/** Where a node stands in the hash ring. Immutable and thread-safe, as every enum. */
public enum NodeState {
  /** In the ring: the hash ring places replicas on it. */
  ACTIVE,
  /** Being drained: out of the ring, its replicas moving away; it is removed once it holds none. */
  LEAVING,
  /** Registered but not yet in the ring: it holds no replicas until a plan adding it is applied. */
  JOINING,
  /** Not reported, or a state this client does not know (a newer server). */
  UNKNOWN
}
