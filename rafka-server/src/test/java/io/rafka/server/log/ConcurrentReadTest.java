package io.rafka.server.log;

import static io.rafka.server.log.TestSupport.config;
import static io.rafka.server.log.TestSupport.payload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.rafka.protocol.FrameReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers chase the writer while it appends across many rolls and trims the log behind them; every read must
 * be whole frames with valid CRCs, dense increasing offsets and the payload written for each base offset.
 */
class ConcurrentReadTest {
  private static final int BATCHES = 6000;
  private static final int READERS = 2;

  @TempDir Path tmp;

  /** The payload of the batch at {@code baseOffset}: readers can check it without sharing state. */
  private static ByteString payloadFor(long baseOffset) {
    return payload(baseOffset, (int) (baseOffset * 7919 % 400));
  }

  @Test
  void readersSeeOnlyWholeDenseFramesWhileTheWriterAppendsRollsAndTrims() throws Exception {
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    AtomicBoolean writerDone = new AtomicBoolean();
    AtomicLong framesSeen = new AtomicLong();
    AtomicLong jumps = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    try (PartitionLog log = PartitionLog.create(tmp.resolve("p"), config(8192, Long.MAX_VALUE, 512))) {
      Thread[] readers = new Thread[READERS];
      for (int r = 0; r < READERS; r++) {
        long seed = r;
        readers[r] =
            new Thread(
                () -> {
                  try {
                    start.await();
                    chase(log, new Random(seed), writerDone, framesSeen, jumps);
                  } catch (Throwable t) {
                    failures.add(t);
                  }
                },
                "reader-" + r);
        readers[r].start();
      }
      Thread writer =
          new Thread(
              () -> {
                try {
                  start.await();
                  Random random = new Random(99);
                  for (int i = 0; i < BATCHES; i++) {
                    long base = log.logEndOffset();
                    log.append(1 + random.nextInt(4), i, i, payloadFor(base));
                    if (i % 20 == 19) {
                      // trims right behind the readers so that they race with segment deletion
                      log.trimTo(Math.max(log.logStartOffset(), log.logEndOffset() - random.nextInt(60)));
                    }
                  }
                } catch (Throwable t) {
                  failures.add(t);
                } finally {
                  writerDone.set(true);
                }
              },
              "writer");
      writer.start();
      start.countDown();
      writer.join();
      for (Thread reader : readers) {
        reader.join();
      }
      if (!failures.isEmpty()) {
        Throwable first = failures.peek();
        failures.stream().skip(1).forEach(first::addSuppressed);
        throw new AssertionError("a thread failed", first);
      }
      assertTrue(log.segmentCount() < 5, "trim deleted old segments: " + log.segmentCount());
      assertTrue(log.logStartOffset() > 0);
      assertTrue(
          framesSeen.get() >= READERS * 200L,
          "frames seen: " + framesSeen.get() + ", jumps past trimmed offsets: " + jumps.get());
    }
  }

  /** Reads from offset 0 to the final log end offset, checking everything it sees. */
  private static void chase(
      PartitionLog log, Random random, AtomicBoolean writerDone, AtomicLong framesSeen, AtomicLong jumps)
      throws Exception {
    long position = 0;
    while (true) {
      boolean done = writerDone.get();
      ByteString bytes;
      try {
        bytes = log.read(position, random.nextInt(3000));
      } catch (OffsetOutOfRangeException e) {
        assertTrue(e.logStartOffset() > position, "out of range although not trimmed: " + e.getMessage());
        position = e.logStartOffset();
        jumps.incrementAndGet();
        continue;
      }
      if (bytes.isEmpty()) {
        if (done) {
          assertEquals(log.logEndOffset(), position);
          return;
        }
        Thread.yield();
        continue;
      }
      List<FrameReader.Frame> frames = FrameReader.frames(bytes); // throws on a partial frame or bad CRC
      long expected = position;
      for (int i = 0; i < frames.size(); i++) {
        FrameReader.Frame frame = frames.get(i);
        long base = frame.header().baseOffset();
        if (i == 0) {
          assertTrue(base <= position && position < frame.header().nextOffset(),
              "first frame " + frame.header() + " does not contain " + position);
        } else {
          assertEquals(expected, base, "offsets not dense");
        }
        assertEquals(payloadFor(base), frame.payload(), "payload of " + base);
        expected = frame.header().nextOffset();
      }
      framesSeen.addAndGet(frames.size());
      position = expected;
    }
  }
}
