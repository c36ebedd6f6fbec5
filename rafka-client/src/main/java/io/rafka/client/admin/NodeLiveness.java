package io.rafka.client.admin;

/** Whether the metadata group's leader hears from a node. Immutable and thread-safe, as every enum. */
public enum NodeLiveness {
  /** The metadata group's leader hears from it. */
  ALIVE,
  /** Silent for longer than the server's {@code node.heartbeat.timeout}. */
  DOWN,
  /** Silent for longer than the server's {@code node.dead.timeout}: it may be removed with force. */
  DEAD,
  /** Not reported, or a liveness this client does not know (a newer server). */
  UNKNOWN
}
