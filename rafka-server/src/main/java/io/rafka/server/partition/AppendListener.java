package io.rafka.server.partition;

/**
 * Told when a partition's log grew, so that long-poll fetches waiting on it can answer. Called on the
 * partition's apply thread: implementations must only hand work off, never block.
 */
@FunctionalInterface
public interface AppendListener {
  void onAppend(PartitionId partition);
}
