package io.rafka.chaos.net;

import java.util.ArrayDeque;

/**
 * A FIFO of chunks bounded by bytes rather than count, between one reader and one writer. Thread-safe.
 *
 * <p>The bound matters only under DELAY, where the queue holds throughput times delay; past it the reader stops
 * and TCP pushes back on the sender. An empty queue always takes a chunk, so a chunk larger than the bound passes.
 */
final class ChunkQueue {
  private final long capacityBytes;
  private final ArrayDeque<Chunk> chunks = new ArrayDeque<>();
  private long queuedBytes;

  ChunkQueue(long capacityBytes) {
    this.capacityBytes = capacityBytes;
  }

  synchronized void put(Chunk chunk) throws InterruptedException {
    while (queuedBytes >= capacityBytes) {
      wait();
    }
    chunks.addLast(chunk);
    queuedBytes += chunk.length();
    notifyAll();
  }

  synchronized Chunk take() throws InterruptedException {
    while (chunks.isEmpty()) {
      wait();
    }
    Chunk chunk = chunks.removeFirst();
    queuedBytes -= chunk.length();
    notifyAll();
    return chunk;
  }
}
