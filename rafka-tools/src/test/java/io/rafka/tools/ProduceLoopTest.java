package io.rafka.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rafka.client.errors.RecordTooLargeException;
import io.rafka.client.errors.TimeoutException;
import io.rafka.client.producer.ProducerRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProduceLoopTest {
  private final AtomicLong clock = new AtomicLong();
  private final LatencyStats latencies = new LatencyStats(clock::get);
  private final SendFailures failures = new SendFailures();
  private final PayloadPool payloads = new PayloadPool(8, 3, PayloadPool.DEFAULT_POOL_BYTES, 1);
  private final List<ProducerRecord<byte[], byte[]>> sent = new ArrayList<>();
  private final List<CompletableFuture<Void>> pending = new ArrayList<>();

  /** Records every send and leaves its future pending, as a batching producer does. */
  private CompletableFuture<?> send(ProducerRecord<byte[], byte[]> record) {
    sent.add(record);
    CompletableFuture<Void> f = new CompletableFuture<>();
    pending.add(f);
    return f;
  }

  private ProduceLoop loop(long numRecords) {
    return new ProduceLoop("t", numRecords, payloads, Throttler.unlimited(), latencies, failures, clock::get);
  }

  @Test
  void sendsPoolValuesWithoutKeys() throws InterruptedException {
    assertEquals(5, loop(5).run(this::send));
    assertEquals(5, sent.size());
    for (int i = 0; i < 5; i++) {
      assertEquals("t", sent.get(i).topic());
      assertNull(sent.get(i).key());
      assertNull(sent.get(i).partition());
      assertSame(payloads.get(i), sent.get(i).value());
    }
  }

  @Test
  void measuresFromJustBeforeSendToAcknowledgement() throws InterruptedException {
    ProduceLoop loop = loop(2);
    loop.run(record -> {
      clock.addAndGet(100_000); // send() itself takes 100 µs (blocked on a full buffer, say): that counts
      return send(record);
    });
    clock.addAndGet(300_000);
    pending.get(0).complete(null); // sent at 0, acknowledged at 500 µs
    clock.addAndGet(500_000);
    pending.get(1).complete(null); // sent at 100 µs, acknowledged at 1000 µs
    LatencyStats.Snapshot total = latencies.total();
    assertEquals(2, total.count());
    assertEquals(500, total.latenciesMicros().getMinValue());
    assertEquals(900, total.latenciesMicros().getMaxValue());
  }

  @Test
  void countsFailedAcknowledgementsAndGoesOn() throws InterruptedException {
    ProduceLoop loop = loop(3);
    assertEquals(3, loop.run(this::send));
    RecordTooLargeException tooLarge = new RecordTooLargeException("too large");
    pending.get(0).completeExceptionally(tooLarge);
    pending.get(1).complete(null);
    pending.get(2).completeExceptionally(new IllegalStateException("later"));
    assertEquals(2, failures.count());
    assertSame(tooLarge, failures.first().orElseThrow());
    assertEquals(1, latencies.total().count());
  }

  @Test
  void stopsWhenSendThrows() throws InterruptedException {
    TimeoutException noMetadata = new TimeoutException("topic 't' not present in metadata after max.block.ms");
    ProduceLoop loop = loop(10);
    long handedOver = loop.run(record -> {
      if (sent.size() == 2) {
        throw noMetadata;
      }
      return send(record);
    });
    assertEquals(2, handedOver);
    assertEquals(2, sent.size());
    assertEquals(1, failures.count());
    assertSame(noMetadata, failures.first().orElseThrow());
  }

  @Test
  void settlesOnlyWhenEveryRecordHandedOverIsCounted() throws InterruptedException {
    ProduceLoop loop = loop(3);
    loop.run(this::send);
    pending.get(0).complete(null);
    pending.get(2).completeExceptionally(new IllegalStateException("x"));
    assertFalse(loop.allSettled().isDone());
    pending.get(1).complete(null);
    assertTrue(loop.allSettled().isDone());
    assertEquals(2, latencies.total().count());
    assertEquals(1, failures.count());
  }

  @Test
  void settlesAtOnceWhenEverythingWasAcknowledgedDuringTheRun() throws InterruptedException {
    ProduceLoop loop = loop(3);
    loop.run(record -> CompletableFuture.completedFuture(null));
    assertTrue(loop.allSettled().isDone());
    assertEquals(3, latencies.total().count());
  }

  @Test
  void isPacedByItsThrottler() throws InterruptedException {
    List<Long> sentAt = new ArrayList<>();
    Throttler tenPerSecond = Throttler.perSecond(10, clock::get, clock::addAndGet);
    new ProduceLoop("t", 3, payloads, tenPerSecond, latencies, failures, clock::get).run(record -> {
      sentAt.add(clock.get());
      return CompletableFuture.completedFuture(null);
    });
    assertEquals(List.of(0L, 100_000_000L, 200_000_000L), sentAt);
  }
}
