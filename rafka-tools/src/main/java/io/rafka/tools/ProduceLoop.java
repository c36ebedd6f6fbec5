package io.rafka.tools;

import io.rafka.client.producer.ProducerRecord;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Sends the records of a producer performance run, paced by a {@link Throttler}, and measures each one's
 * latency from just before {@code send} to its acknowledgement. Not thread-safe: run it once, from one thread;
 * the completions it registers touch only the thread-safe {@link LatencyStats} and {@link SendFailures}.
 *
 * <p>It keeps no window of its own: the producer's buffer.memory bounds what is in flight by blocking
 * {@code send}, and that blocking is part of what a run measures.
 */
final class ProduceLoop {
  /** Where records go: {@code RafkaProducer::send} in the tool, a fake in tests. */
  @FunctionalInterface
  interface RecordSender {
    CompletableFuture<?> send(ProducerRecord<byte[], byte[]> record);
  }

  private final String topic;
  private final long numRecords;
  private final PayloadPool payloads;
  private final Throttler throttler;
  private final LatencyStats latencies;
  private final SendFailures failures;
  private final LongSupplier nanoClock;
  /**
   * Sends not yet settled (acknowledged or failed), plus one for the loop itself while it runs, so the count
   * cannot reach zero before the last send.
   */
  private final AtomicLong unsettled = new AtomicLong(1);
  private final CompletableFuture<Void> allSettled = new CompletableFuture<>();

  /** @param nanoClock {@code System::nanoTime}, or a fake clock in tests */
  ProduceLoop(String topic, long numRecords, PayloadPool payloads, Throttler throttler, LatencyStats latencies,
      SendFailures failures, LongSupplier nanoClock) {
    this.topic = topic;
    this.numRecords = numRecords;
    this.payloads = payloads;
    this.throttler = throttler;
    this.latencies = latencies;
    this.failures = failures;
    this.nanoClock = nanoClock;
  }

  /**
   * Sends every record without waiting for acknowledgements; a failed acknowledgement is counted and the run
   * goes on, as in Kafka's tool. A {@code send} that throws ends the run: it has blocked for max.block.ms
   * (the topic is unknown, or no buffer space freed up) and every later record would do the same.
   *
   * @return how many records were handed to the producer
   * @throws InterruptedException when the thread is interrupted while throttled
   */
  long run(RecordSender sender) throws InterruptedException {
    long handedOver = 0;
    try {
      while (handedOver < numRecords) {
        throttler.acquire();
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, payloads.get(handedOver));
        long sentAt = nanoClock.getAsLong();
        CompletableFuture<?> ack;
        try {
          ack = sender.send(record);
        } catch (RuntimeException e) {
          failures.record(e);
          break;
        }
        handedOver++;
        unsettled.incrementAndGet();
        ack.whenComplete((metadata, error) -> {
          if (error == null) {
            latencies.record(nanoClock.getAsLong() - sentAt);
          } else {
            failures.record(error);
          }
          settle();
        });
      }
    } finally {
      settle();
    }
    return handedOver;
  }

  /**
   * Completes once {@link #run} has returned and every record it handed over has been counted as
   * acknowledged or failed. The producer's {@code flush} is not enough for that: it returns once the
   * records' futures are complete, which may be before this loop's completion actions have run.
   */
  CompletableFuture<Void> allSettled() {
    return allSettled;
  }

  private void settle() {
    if (unsettled.decrementAndGet() == 0) {
      allSettled.complete(null);
    }
  }
}
