package io.rafka.chaos.workload;

import io.rafka.chaos.history.HistoryEvent;
import io.rafka.chaos.history.OffsetValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One reader per node, each reading every partition from its node's replica from offset 0 onwards, one fetch
 * at a time, each recorded (records and the node that served them). A reader's session on a partition never
 * seeks: the checker can then tell a skip or a step back from a failure. Runs until {@link #close()}.
 */
public final class Readers implements AutoCloseable {
  private static final int MAX_BYTES = 256 << 10;

  private final History history;
  private final List<Thread> threads = new ArrayList<>();
  private final List<NodeReader> readers = new ArrayList<>();
  private volatile boolean running = true;

  /** {@code nodes}: node id to client API address. */
  public Readers(History history, Map<Integer, String> nodes, String topic, int partitions) {
    this.history = history;
    nodes.forEach((id, address) -> {
      NodeReader reader = new NodeReader(id, address, topic);
      readers.add(reader);
      Thread t = new Thread(() -> run(reader, "reader-" + id, partitions), "reader-" + id);
      t.setDaemon(true);
      threads.add(t);
    });
    threads.forEach(Thread::start);
  }

  private void run(NodeReader reader, String name, int partitions) {
    long[] positions = new long[partitions];
    boolean[] started = new boolean[partitions];
    int p = 0;
    while (running) {
      int partition = p;
      p = (p + 1) % partitions;
      long from = positions[partition];
      history.record(t -> HistoryEvent.read(t, name, partition, started[partition] ? HistoryEvent.NONE : from));
      started[partition] = true;
      try {
        List<OffsetValue> records = reader.fetch(partition, from, MAX_BYTES).records();
        history.record(t -> HistoryEvent.readOk(t, name, partition, reader.nodeId(), records));
        if (!records.isEmpty()) {
          positions[partition] = records.get(records.size() - 1).offset() + 1;
        }
      } catch (NodeReader.ReadFailedException e) {
        history.record(t -> HistoryEvent.readFail(t, name, partition, e.getMessage()));
        pause(200); // the node is down or behind: do not spin on it
      }
      if (partition == partitions - 1) {
        pause(50); // one round over every partition, then a breath: readers follow the tail, not race it
      }
    }
  }

  private static void pause(long ms) {
    try {
      TimeUnit.MILLISECONDS.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    for (Thread t : threads) {
      t.join(30_000);
    }
    for (NodeReader r : readers) {
      r.close();
    }
  }
}
