package io.rafka.client.producer.internals;

import io.rafka.client.CommonClientConfigs;
import io.rafka.client.errors.RecordTooLargeException;
import io.rafka.client.errors.TimeoutException;
import io.rafka.client.internals.Backoff;
import io.rafka.client.internals.Channels;
import io.rafka.client.internals.ClusterView;
import io.rafka.client.internals.MetadataCache;
import io.rafka.client.internals.RecordBatches;
import io.rafka.client.producer.ProducerConfig;
import io.rafka.client.producer.RecordMetadata;
import io.rafka.common.Header;
import io.rafka.common.PartitionMetadata;
import io.rafka.common.TopicPartition;
import io.rafka.common.compress.CompressionType;
import io.rafka.common.config.ConfigValues;
import io.rafka.proto.TopicMetadata;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The machinery behind {@code RafkaProducer}: picks partitions, accounts buffer memory, and runs the sender
 * thread. Thread-safe.
 */
public final class ProducerEngine {
  private final Channels channels;
  private final MetadataCache metadata;
  private final RecordAccumulator accumulator;
  private final Sender sender;
  private final ProducerMetrics metrics;
  private final Thread senderThread;
  private final long maxBlockNanos;
  private final int maxRequestSize;
  private final StickyPartitioner sticky;
  private final Set<CompletableFuture<RecordMetadata>> incomplete = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  public ProducerEngine(ConfigValues config, String clientName) {
    Duration requestTimeout = Duration.ofMillis(config.get(CommonClientConfigs.REQUEST_TIMEOUT_MS));
    this.channels = new Channels(config.get(CommonClientConfigs.MAX_RESPONSE_BYTES));
    this.metadata = new MetadataCache(config.get(CommonClientConfigs.BOOTSTRAP_SERVERS), channels, requestTimeout);
    this.maxBlockNanos = TimeUnit.MILLISECONDS.toNanos(config.get(ProducerConfig.MAX_BLOCK_MS));
    this.maxRequestSize = config.get(ProducerConfig.MAX_REQUEST_SIZE);
    this.sticky = new StickyPartitioner(config.get(ProducerConfig.BATCH_SIZE));
    this.accumulator = new RecordAccumulator(config.get(ProducerConfig.BUFFER_MEMORY),
        config.get(ProducerConfig.BATCH_SIZE), config.get(ProducerConfig.LINGER_MS),
        config.get(ProducerConfig.MAX_IN_FLIGHT));
    this.metrics = new ProducerMetrics(accumulator::incomplete);
    this.sender = new Sender(accumulator, metadata, channels, config.get(ProducerConfig.ENABLE_IDEMPOTENCE),
        requestTimeout, Duration.ofMillis(config.get(ProducerConfig.DELIVERY_TIMEOUT_MS)),
        new Backoff(config.get(CommonClientConfigs.RETRY_BACKOFF_MS), config.get(CommonClientConfigs.RETRY_BACKOFF_MAX_MS)),
        CompressionType.forName(config.get(ProducerConfig.COMPRESSION_TYPE)), metrics);
    this.senderThread = new Thread(sender, "rafka-producer-" + clientName + "-sender");
    this.senderThread.setDaemon(true);
    this.senderThread.start();
  }

  public CompletableFuture<RecordMetadata> send(String topic, Integer partition, Long timestamp, byte[] key,
      byte[] value, List<Header> headers) {
    if (closed) {
      throw new IllegalStateException("cannot send after the producer is closed");
    }
    long start = System.nanoTime();
    RecordBatches.Encoded encoded = new RecordBatches.Encoded(key, value,
        timestamp == null ? System.currentTimeMillis() : timestamp, headers);
    int size = encoded.sizeEstimate();
    if (size > maxRequestSize) {
      return CompletableFuture.failedFuture(new RecordTooLargeException("record of about " + size
          + " bytes is larger than max.request.size (" + maxRequestSize + ")"));
    }
    TopicMetadata topicMeta = awaitTopic(topic, start);
    int count = topicMeta.getPartitionsCount();
    int p;
    if (partition != null) {
      if (partition >= count) {
        return CompletableFuture.failedFuture(new io.rafka.client.errors.UnknownTopicOrPartitionException(
            "topic '" + topic + "' has " + count + " partitions; partition " + partition + " does not exist"));
      }
      p = partition;
    } else if (key != null) {
      p = Murmur2.partition(key, count);
    } else {
      p = sticky.partition(topic, count, size);
    }
    CompletableFuture<RecordMetadata> future = new CompletableFuture<>();
    incomplete.add(future);
    future.whenComplete((m, e) -> incomplete.remove(future));
    try {
      long left = maxBlockNanos - (System.nanoTime() - start);
      accumulator.append(new TopicPartition(topic, p), new PendingRecord(encoded, future, System.nanoTime(), size),
          Math.max(0, left));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      incomplete.remove(future);
      throw new io.rafka.client.errors.RafkaException("interrupted while waiting for buffer space", e);
    } catch (RuntimeException e) {
      incomplete.remove(future);
      throw e;
    }
    return future;
  }

  /** The topic's metadata, refreshing (and blocking up to max.block.ms) until it is known. */
  private TopicMetadata awaitTopic(String topic, long startNanos) {
    long backoffMs = 50;
    while (true) {
      ClusterView view = metadata.current();
      Optional<TopicMetadata> t = view.topic(topic);
      if (t.isPresent()) {
        return t.get();
      }
      long left = maxBlockNanos - (System.nanoTime() - startNanos);
      if (left <= 0) {
        throw new TimeoutException("topic '" + topic + "' not present in metadata after max.block.ms ("
            + TimeUnit.NANOSECONDS.toMillis(maxBlockNanos) + " ms)");
      }
      try {
        metadata.refresh().get(left, TimeUnit.NANOSECONDS);
        if (metadata.current().topic(topic).isEmpty()) {
          Thread.sleep(Math.min(backoffMs, TimeUnit.NANOSECONDS.toMillis(left) + 1));
          backoffMs = Math.min(1000, backoffMs * 2);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new io.rafka.client.errors.RafkaException("interrupted while waiting for metadata", e);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        // No node answered: loop until max.block.ms runs out.
      }
    }
  }

  public ProducerMetrics metrics() {
    return metrics;
  }

  public List<PartitionMetadata> partitionsFor(String topic) {
    TopicMetadata t = awaitTopic(topic, System.nanoTime());
    return t.getPartitionsList().stream().map(p -> new PartitionMetadata(topic, p.getPartition(), p.getLeader(),
        p.getReplicasList())).toList();
  }

  public void flush() {
    CompletableFuture<?>[] pending = incomplete.toArray(CompletableFuture[]::new);
    sender.flushing(true);
    try {
      CompletableFuture.allOf(pending).handle((v, e) -> null).join();
    } finally {
      sender.flushing(false);
    }
  }

  public void close(Duration timeout) {
    if (closed) {
      return;
    }
    closed = true;
    sender.initiateClose(false);
    try {
      senderThread.join(Math.max(1, timeout.toMillis()));
      if (senderThread.isAlive()) {
        sender.initiateClose(true);
        senderThread.interrupt();
        senderThread.join(5000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    io.rafka.client.errors.RafkaException closedError =
        new io.rafka.client.errors.RafkaException("producer closed before the record was sent", null);
    accumulator.abandon().forEach(r -> r.future().completeExceptionally(closedError));
    incomplete.forEach(f -> f.completeExceptionally(closedError));
    channels.close();
  }
}
