package io.rafka.chaos.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * One direction of a proxied connection: a reader thread moves bytes from the source into a queue and a writer
 * thread moves them on to the sink when the proxy's mode lets it. Confined: exactly one thread runs each loop.
 *
 * <p>Reading and writing are split so that a delay is latency, not a throughput cap: the reader keeps taking
 * bytes while earlier chunks wait out their delay. One writer draining a FIFO keeps the bytes in order.
 */
final class Pump {
  private static final int CHUNK_BYTES = 64 * 1024;
  private static final long QUEUE_CAPACITY_BYTES = 16L * 1024 * 1024;

  private final Socket source;
  private final Socket sink;
  private final ModeGate gate;
  private final LongAdder bytesForwarded;
  private final ChunkQueue queue = new ChunkQueue(QUEUE_CAPACITY_BYTES);

  Pump(Socket source, Socket sink, ModeGate gate, LongAdder bytesForwarded) {
    this.source = source;
    this.sink = sink;
    this.gate = gate;
    this.bytesForwarded = bytesForwarded;
  }

  /** Reads until the source ends its stream, which is queued too so the sink sees it after the last byte. */
  void readLoop() throws IOException, InterruptedException {
    InputStream in = source.getInputStream();
    byte[] buffer = new byte[CHUNK_BYTES];
    while (true) {
      gate.awaitForwarding();
      int read = in.read(buffer);
      long now = System.nanoTime();
      if (read < 0) {
        queue.put(Chunk.endOfStream(now));
        return;
      }
      queue.put(new Chunk(Arrays.copyOf(buffer, read), now));
    }
  }

  /** Writes queued chunks once due; returns after passing on the end of the stream as a half-close. */
  void writeLoop() throws IOException, InterruptedException {
    OutputStream out = sink.getOutputStream();
    while (true) {
      Chunk chunk = queue.take();
      gate.awaitDue(chunk.readAtNanos());
      if (chunk.isEndOfStream()) {
        sink.shutdownOutput();
        return;
      }
      out.write(chunk.bytes());
      bytesForwarded.add(chunk.length());
    }
  }
}
