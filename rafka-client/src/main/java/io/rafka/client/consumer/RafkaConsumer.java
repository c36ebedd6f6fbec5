package io.rafka.client.consumer;

import io.rafka.client.CommonClientConfigs;
import io.rafka.client.consumer.internals.Fetcher;
import io.rafka.client.internals.Channels;
import io.rafka.client.internals.MetadataCache;
import io.rafka.client.internals.RecordBatches;
import io.rafka.common.TopicPartition;
import io.rafka.common.config.ConfigValues;
import io.rafka.common.serialization.Deserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads records from assigned partitions. <b>Not thread-safe</b>: use one consumer from one thread at a time
 * (a second thread calling in at the same time gets a {@link ConcurrentModificationException}).
 *
 * <p>{@link #poll(Duration)} long-polls each partition's leader and returns records in offset order per
 * partition, only ever committed ones. A partition without a position starts where {@code auto.offset.reset}
 * says; a position that falls outside the log (retention deleted it) is reset the same way.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class RafkaConsumer<K, V> implements AutoCloseable {
  private final Channels channels;
  private final Fetcher fetcher;
  private final Deserializer<K> keyDeserializer;
  private final Deserializer<V> valueDeserializer;
  private final Duration requestTimeout;
  private Thread owner;
  private int depth;
  private boolean closed;

  public RafkaConsumer(Map<String, ?> props, Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer) {
    ConfigValues config = ConsumerConfig.parse(props);
    this.requestTimeout = Duration.ofMillis(config.get(CommonClientConfigs.REQUEST_TIMEOUT_MS));
    this.channels = new Channels(config.get(CommonClientConfigs.MAX_RESPONSE_BYTES));
    MetadataCache metadata = new MetadataCache(config.get(CommonClientConfigs.BOOTSTRAP_SERVERS), channels,
        requestTimeout);
    this.fetcher = new Fetcher(config, metadata, channels);
    this.keyDeserializer = keyDeserializer;
    this.valueDeserializer = valueDeserializer;
  }

  /** Reads exactly these partitions from now on (replacing any earlier assignment). */
  public void assign(Collection<TopicPartition> partitions) {
    run(() -> fetcher.assign(partitions));
  }

  public Set<TopicPartition> assignment() {
    return call(() -> Set.copyOf(fetcher.assignment()));
  }

  public void seek(TopicPartition partition, long offset) {
    run(() -> fetcher.seek(partition, offset));
  }

  public void seekToBeginning(Collection<TopicPartition> partitions) {
    run(() -> fetcher.reset(partitions, Fetcher.ResetTo.EARLIEST, requestTimeout));
  }

  public void seekToEnd(Collection<TopicPartition> partitions) {
    run(() -> fetcher.reset(partitions, Fetcher.ResetTo.LATEST, requestTimeout));
  }

  /** The offset of the next record this consumer will return for {@code partition}. */
  public long position(TopicPartition partition) {
    return call(() -> fetcher.position(partition, requestTimeout));
  }

  /** Returns available records, waiting up to {@code timeout} for some; empty if none came. */
  public ConsumerRecords<K, V> poll(Duration timeout) {
    return call(() -> {
      Map<TopicPartition, List<RecordBatches.Decoded>> fetched = fetcher.poll(timeout);
      Map<TopicPartition, List<ConsumerRecord<K, V>>> out = new LinkedHashMap<>();
      fetched.forEach((tp, records) -> {
        List<ConsumerRecord<K, V>> list = new ArrayList<>(records.size());
        for (RecordBatches.Decoded r : records) {
          list.add(new ConsumerRecord<>(tp.topic(), tp.partition(), r.offset(), r.timestamp(),
              keyDeserializer.deserialize(tp.topic(), r.key()), valueDeserializer.deserialize(tp.topic(), r.value()),
              r.headers()));
        }
        out.put(tp, list);
      });
      return new ConsumerRecords<>(out);
    });
  }

  @Override
  public void close() {
    run(() -> {
      closed = true;
      channels.close();
    });
  }

  private void run(Runnable action) {
    call(() -> {
      action.run();
      return null;
    });
  }

  private synchronized void acquire() {
    Thread me = Thread.currentThread();
    if (owner != null && owner != me) {
      throw new ConcurrentModificationException("RafkaConsumer is not safe for multi-threaded access: "
          + owner.getName() + " is using it");
    }
    if (closed) {
      throw new IllegalStateException("consumer is closed");
    }
    owner = me;
    depth++;
  }

  private synchronized void release() {
    if (--depth == 0) {
      owner = null;
    }
  }

  private <T> T call(java.util.function.Supplier<T> action) {
    acquire();
    try {
      return action.get();
    } finally {
      release();
    }
  }
}
