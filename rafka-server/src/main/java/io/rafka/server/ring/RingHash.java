package io.rafka.server.ring;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;

/**
 * Stateless and thread-safe. The hash positions of ring points and partition keys.
 *
 * <p>Every node, client and admin tool must derive the same placement, so positions come from
 * murmur3_128 (seed 0) over the UTF-8 bytes of fixed strings: its output is specified, unlike
 * {@link String#hashCode()} or anything else that may change between JVMs or library versions.
 * Changing either format string changes every placement in a running cluster.
 */
final class RingHash {

  private static final HashFunction MURMUR3 = Hashing.murmur3_128();

  private RingHash() {}

  /** The position of the {@code index}-th virtual node of {@code nodeId}. */
  static long nodePoint(int nodeId, int index) {
    return hash("node:" + nodeId + "#" + index);
  }

  /** The position from which the ring is walked to place {@code topic}'s {@code partition}. */
  static long partitionKey(String topic, int partition) {
    return hash("partition:" + topic + "/" + partition);
  }

  private static long hash(String text) {
    return MURMUR3.hashBytes(text.getBytes(UTF_8)).asLong();
  }
}
