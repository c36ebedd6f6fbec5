package io.rafka.client.producer.internals;

import io.rafka.client.errors.RafkaException;
import io.rafka.client.errors.RetriableException;
import io.rafka.client.errors.ServerErrors;
import io.rafka.client.errors.TimeoutException;
import io.rafka.client.internals.Backoff;
import io.rafka.client.internals.Calls;
import io.rafka.client.internals.Channels;
import io.rafka.client.internals.ClusterView;
import io.rafka.client.internals.MetadataCache;
import io.rafka.client.internals.RecordBatches;
import io.rafka.client.producer.RecordMetadata;
import io.rafka.common.compress.CompressionType;
import io.rafka.proto.ErrorCode;
import io.rafka.proto.InitProducerIdRequest;
import io.rafka.proto.InitProducerIdResponse;
import io.rafka.proto.ProduceRequest;
import io.rafka.proto.ProduceResponse;
import io.rafka.proto.ProduceServiceGrpc;
import io.rafka.proto.RecordBatch;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer's I/O thread: gets a producer id, drains ready batches, sends each to its partition's
 * leader, and settles it: acknowledged, retried (same sequence, after a metadata refresh and a backoff), or
 * failed once retrying can no longer help or delivery.timeout.ms has passed. Owned by one thread.
 */
public final class Sender implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(Sender.class);

  private final RecordAccumulator accumulator;
  private final MetadataCache metadata;
  private final Channels channels;
  private final boolean idempotent;
  private final Duration requestTimeout;
  private final long deliveryTimeoutNanos;
  private final Backoff backoff;
  private final CompressionType compression;
  private final ProducerMetrics metrics;
  private volatile boolean running = true;
  private volatile boolean forceClose;
  private volatile boolean flushing;
  private volatile long producerId = -1;
  private int initAttempts;

  Sender(RecordAccumulator accumulator, MetadataCache metadata, Channels channels, boolean idempotent,
      Duration requestTimeout, Duration deliveryTimeout, Backoff backoff, CompressionType compression,
      ProducerMetrics metrics) {
    this.compression = compression;
    this.metrics = metrics;
    this.accumulator = accumulator;
    this.metadata = metadata;
    this.channels = channels;
    this.idempotent = idempotent;
    this.requestTimeout = requestTimeout;
    this.deliveryTimeoutNanos = deliveryTimeout.toNanos();
    this.backoff = backoff;
  }

  @Override
  public void run() {
    while (!forceClose && (running || accumulator.incomplete() > 0)) {
      try {
        if (idempotent && producerId < 0) {
          initProducerId();
          continue;
        }
        for (ProducerBatch batch : accumulator.drain(TimeUnit.MILLISECONDS.toNanos(100), flushing || !running)) {
          send(batch);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.error("producer sender loop failed; continuing", e);
      }
    }
  }

  private void initProducerId() throws InterruptedException {
    String address = metadata.anyAddress();
    try {
      InitProducerIdResponse r = Calls.unary(ProduceServiceGrpc.newStub(channels.get(address))
              .withDeadlineAfter(requestTimeout.toMillis(), TimeUnit.MILLISECONDS)::initProducerId,
          InitProducerIdRequest.getDefaultInstance(), address).get();
      if (r.getError().getCode() == ErrorCode.NONE) {
        producerId = r.getProducerId();
        LOG.debug("producer id {}", producerId);
        return;
      }
      LOG.debug("producer id not granted yet: {}", r.getError());
    } catch (java.util.concurrent.ExecutionException e) {
      LOG.debug("producer id request to {} failed: {}", address, e.getCause().toString());
      metadata.refresh();
    }
    Thread.sleep(backoff.delayMs(initAttempts++));
  }

  private void send(ProducerBatch batch) {
    if (System.nanoTime() - batch.firstCreatedNanos() >= deliveryTimeoutNanos) {
      failIndeterminately(batch, new TimeoutException("records for " + batch.partition
          + " expired after delivery.timeout.ms (" + batch.attempts + " attempts); last error: " + batch.lastError));
      return;
    }
    ClusterView view = metadata.current();
    int leader = view.leader(batch.partition.topic(), batch.partition.partition());
    Optional<String> address = leader < 0 ? Optional.empty() : view.address(leader);
    if (address.isEmpty()) {
      metadata.refresh();
      retry(batch, null);
      return;
    }
    batch.attempts++;
    long sentAt = System.nanoTime();
    if (batch.attempts == 1) {
      metrics.recordQueueTime.update(sentAt - batch.firstCreatedNanos(), TimeUnit.NANOSECONDS);
    }
    RecordBatch encoded = RecordBatches.encode(batch.records.stream().map(PendingRecord::record).toList(),
        idempotent ? producerId : -1, idempotent ? batch.epoch : 0, idempotent ? batch.baseSequence : -1,
        compression);
    ProduceRequest request = ProduceRequest.newBuilder().setTopic(batch.partition.topic())
        .setPartition(batch.partition.partition()).setBatch(encoded)
        .setTimeoutMs((int) Math.min(Integer.MAX_VALUE, requestTimeout.toMillis())).build();
    String target = address.get();
    int size = encoded.getSerializedSize();
    metrics.batchSize.update(size);
    metrics.batchRecords.update(batch.records.size());
    metrics.bytesSent.mark(size);
    Calls.unary(ProduceServiceGrpc.newStub(channels.get(target))
            .withDeadlineAfter(requestTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS)::produce, request, target)
        .whenComplete((response, error) -> {
          metrics.requestLatency.update(System.nanoTime() - sentAt, TimeUnit.NANOSECONDS);
          settle(batch, response, error);
        });
  }

  private void settle(ProducerBatch batch, ProduceResponse response, Throwable error) {
    RafkaException failure;
    if (error != null) {
      failure = MetadataCache.unwrap(error);
    } else if (response.getError().getCode() != ErrorCode.NONE) {
      failure = ServerErrors.toException(response.getError());
    } else {
      succeed(batch, response);
      return;
    }
    if (failure instanceof RetriableException) {
      metadata.refresh();
      retry(batch, failure);
    } else if (failure.code() == ErrorCode.OUT_OF_ORDER_SEQUENCE && idempotent
        && (batch.raced || accumulator.earlierPending(batch))) {
      // Requests to one partition can overtake each other on their way into its log: an earlier batch had not
      // landed when this one was applied. Resend it, in order, after the earlier ones.
      retry(batch, failure);
    } else if (failure.code() == ErrorCode.UNKNOWN_PRODUCER_ID && idempotent) {
      if (batch.raced || accumulator.earlierPending(batch)) {
        retry(batch, failure);
      } else {
        // The partition lost (or never had) this producer's state: start over at sequence 0 in a new epoch.
        metrics.recordRetry.mark(batch.records.size());
        accumulator.resendInNewEpoch(batch);
      }
    } else if (failure.code() == ErrorCode.UNKNOWN_SERVER_ERROR || failure.code() == ErrorCode.NONE) {
      failIndeterminately(batch, failure);
    } else {
      LOG.warn("batch of {} records for {} (epoch {}, sequence {}) failed: {}; {}", batch.records.size(),
          batch.partition, batch.epoch, batch.baseSequence, failure.getMessage(), accumulator.describe(batch.partition));
      accumulator.failedDefinitely(batch);
      metrics.recordError.mark(batch.records.size());
      batch.records.forEach(r -> r.future().completeExceptionally(failure));
    }
  }

  private void retry(ProducerBatch batch, RafkaException cause) {
    if (System.nanoTime() - batch.firstCreatedNanos() >= deliveryTimeoutNanos) {
      failIndeterminately(batch, new TimeoutException("records for " + batch.partition
          + " expired after delivery.timeout.ms (" + batch.attempts + " attempts); last error: " + cause, cause));
      return;
    }
    batch.lastError = cause == null ? "no leader known" : cause.getMessage();
    metrics.recordRetry.mark(batch.records.size());
    LOG.debug("resending batch for {} (epoch {}, sequence {}, attempt {}): {}", batch.partition, batch.epoch,
        batch.baseSequence, batch.attempts, batch.lastError);
    accumulator.retryLater(batch, TimeUnit.MILLISECONDS.toNanos(backoff.delayMs(batch.attempts)));
  }

  private void succeed(ProducerBatch batch, ProduceResponse response) {
    accumulator.succeeded(batch);
    List<PendingRecord> records = batch.records;
    metrics.recordSend.mark(records.size());
    for (int i = 0; i < records.size(); i++) {
      PendingRecord r = records.get(i);
      r.future().complete(new RecordMetadata(batch.partition.topic(), batch.partition.partition(),
          response.getBaseOffset() + i, r.record().timestamp()));
    }
  }

  /** The batch may or may not be written; the ones waiting behind it share its fate (see the accumulator). */
  private void failIndeterminately(ProducerBatch batch, RafkaException e) {
    List<ProducerBatch> also = accumulator.failedIndeterminately(batch);
    metrics.recordError.mark(batch.records.size() + also.stream().mapToLong(b -> b.records.size()).sum());
    batch.records.forEach(r -> r.future().completeExceptionally(e));
    also.forEach(b -> b.records.forEach(r -> r.future().completeExceptionally(new TimeoutException(
        "records for " + b.partition + " queued behind a batch whose outcome is unknown: " + e.getMessage(), e))));
  }

  /** Sends every queued record at once, without waiting for linger.ms. */
  void flushing(boolean on) {
    flushing = on;
    accumulator.wakeUp();
  }

  /** Stops taking new work; keeps sending what is queued unless {@code force}. */
  void initiateClose(boolean force) {
    running = false;
    forceClose = force;
    accumulator.close();
  }
}
