package io.rafka.client.consumer;

import com.codahale.metrics.MetricRegistry;
import io.rafka.client.CommonClientConfigs;
import io.rafka.client.consumer.internals.ConsumerMetrics;
import io.rafka.client.consumer.internals.Fetcher;
import io.rafka.client.consumer.internals.GroupConsumer;
import io.rafka.client.internals.Channels;
import io.rafka.client.internals.MetadataCache;
import io.rafka.client.internals.RecordBatches;
import io.rafka.common.TopicPartition;
import io.rafka.common.config.ConfigValues;
import io.rafka.common.config.Instances;
import io.rafka.common.serialization.Deserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Reads records from Rafka. <b>Not thread-safe</b>: use one consumer from one thread; a second thread calling
 * in at the same time gets a {@link ConcurrentModificationException}. The one exception is {@link #wakeup()},
 * which any thread may call to interrupt a blocking call.
 *
 * <p>Either {@link #assign} fixed partitions, or {@link #subscribe} to topics as a member of the consumer group
 * {@code group.id}: the group's coordinator spreads the topics' partitions over its members, moves them when
 * members come and go (a member that stops heartbeating for {@code session.timeout.ms} loses its partitions),
 * and keeps the group's committed offsets. A partition given to this consumer starts at the group's committed
 * offset, or where {@code auto.offset.reset} says if there is none.
 *
 * <p>{@link #poll(Duration)} long-polls the partitions' leaders (one fetch in flight per node, sent again as
 * soon as it returns) and returns committed records only, in offset order within each partition. With
 * {@code enable.auto.commit} (the default when there is a group) poll commits the positions every
 * {@code auto.commit.interval.ms}, before giving a partition up, and at close.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class RafkaConsumer<K, V> implements AutoCloseable {
  private final Channels channels;
  private final Fetcher fetcher;
  private final GroupConsumer group;
  private final ConsumerMetrics metrics = new ConsumerMetrics();
  private final Deserializer<K> keyDeserializer;
  private final Deserializer<V> valueDeserializer;
  private final Duration requestTimeout;
  private Thread owner;
  private int depth;
  private boolean closed;

  /** A consumer with these deserializers (key.deserializer and value.deserializer are then not used). */
  public RafkaConsumer(Map<String, ?> props, Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer) {
    this(ConsumerConfig.parse(props), Objects.requireNonNull(keyDeserializer, "keyDeserializer"),
        Objects.requireNonNull(valueDeserializer, "valueDeserializer"));
  }

  /** A consumer whose deserializers are the classes named by key.deserializer and value.deserializer. */
  public RafkaConsumer(Map<String, ?> props) {
    this(ConsumerConfig.parse(props), null, null);
  }

  @SuppressWarnings("unchecked")
  private RafkaConsumer(ConfigValues config, Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer) {
    this.keyDeserializer = keyDeserializer != null ? keyDeserializer : Instances.create(
        ConsumerConfig.KEY_DESERIALIZER, config.get(ConsumerConfig.KEY_DESERIALIZER), Deserializer.class);
    this.valueDeserializer = valueDeserializer != null ? valueDeserializer : Instances.create(
        ConsumerConfig.VALUE_DESERIALIZER, config.get(ConsumerConfig.VALUE_DESERIALIZER), Deserializer.class);
    this.requestTimeout = Duration.ofMillis(config.get(CommonClientConfigs.REQUEST_TIMEOUT_MS));
    this.channels = new Channels(config.get(CommonClientConfigs.MAX_RESPONSE_BYTES));
    MetadataCache metadata = new MetadataCache(config.get(CommonClientConfigs.BOOTSTRAP_SERVERS), channels,
        requestTimeout);
    String clientId = config.get(CommonClientConfigs.CLIENT_ID);
    this.fetcher = new Fetcher(config, metadata, channels, metrics);
    this.group = new GroupConsumer(config, clientId.isEmpty()
        ? "consumer-" + Integer.toHexString(System.identityHashCode(this)) : clientId, metadata, channels, metrics);
  }

  /** Reads exactly these partitions from now on, outside any group's assignment. */
  public void assign(Collection<TopicPartition> partitions) {
    run(() -> {
      if (group.subscribed()) {
        throw new IllegalStateException("assign() cannot be used while subscribed; unsubscribe() first");
      }
      partitions.forEach(tp -> Objects.requireNonNull(tp, "partition"));
      fetcher.assign(partitions);
    });
  }

  /** Joins the group (group.id) and reads its share of these topics' partitions. */
  public void subscribe(Collection<String> topics) {
    subscribe(topics, ConsumerRebalanceListener.NONE);
  }

  /** As {@link #subscribe(Collection)}, telling {@code listener} when partitions come and go. */
  public void subscribe(Collection<String> topics, ConsumerRebalanceListener listener) {
    run(() -> {
      Objects.requireNonNull(topics, "topics");
      if (topics.isEmpty() || topics.stream().anyMatch(t -> t == null || t.isBlank())) {
        throw new IllegalArgumentException("subscribe() needs one or more topic names, got " + topics);
      }
      if (!group.subscribed() && !fetcher.assignment().isEmpty()) {
        throw new IllegalStateException("subscribe() cannot be used after assign(); assign an empty list first");
      }
      group.subscribe(Set.copyOf(topics), listener);
    });
  }

  /** Gives up the group's partitions (committing first with auto-commit) and leaves the group. */
  public void unsubscribe() {
    run(() -> group.unsubscribe(fetcher));
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

  /** Stops returning records of these partitions until {@link #resume}; their positions stay. */
  public void pause(Collection<TopicPartition> partitions) {
    run(() -> fetcher.pause(partitions));
  }

  public void resume(Collection<TopicPartition> partitions) {
    run(() -> fetcher.resume(partitions));
  }

  public Set<TopicPartition> paused() {
    return call(() -> Set.copyOf(fetcher.paused()));
  }

  /**
   * Returns available records, waiting up to {@code timeout} for some; empty if none came. In a group, it
   * also takes up partitions the group granted and gives up those it took away (see the class doc).
   *
   * @throws io.rafka.client.errors.WakeupException if {@link #wakeup()} was called
   */
  public ConsumerRecords<K, V> poll(Duration timeout) {
    return call(() -> {
      Objects.requireNonNull(timeout, "timeout");
      group.reconcile(fetcher);
      group.maybeAutoCommit(fetcher);
      if (!group.subscribed() && fetcher.assignment().isEmpty()) {
        throw new IllegalStateException("poll() needs partitions: call assign() or subscribe() first");
      }
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
        metrics.consumed(list.size());
      });
      return new ConsumerRecords<>(out);
    });
  }

  /** Commits the positions of every assigned partition and waits for the group to take them. */
  public void commitSync() {
    run(() -> group.commitSync(GroupConsumer.positions(fetcher, fetcher.assignment()), requestTimeout));
  }

  /** Commits these offsets (the next record to read, per partition) and waits. */
  public void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
    run(() -> group.commitSync(Map.copyOf(offsets), requestTimeout));
  }

  /** Commits the positions of every assigned partition without waiting; the future tells how it went. */
  public CompletableFuture<Void> commitAsync() {
    return call(() -> group.commitAsync(GroupConsumer.positions(fetcher, fetcher.assignment())));
  }

  public CompletableFuture<Void> commitAsync(Map<TopicPartition, OffsetAndMetadata> offsets) {
    return call(() -> group.commitAsync(Map.copyOf(offsets)));
  }

  /** The group's committed offsets for these partitions (absent = none committed). */
  public Map<TopicPartition, OffsetAndMetadata> committed(Set<TopicPartition> partitions) {
    return call(() -> group.committed(partitions, requestTimeout));
  }

  /**
   * This consumer's metrics (names in {@link ConsumerMetrics}: records consumed, bytes fetched, fetch and
   * commit latency and errors, records-lag-max, rebalances, assigned partitions). Attach any Dropwizard
   * reporter to it; do not register metrics in it. Any thread.
   */
  public MetricRegistry metrics() {
    return metrics.registry();
  }

  /** Makes a blocking call on the consumer's thread throw {@link io.rafka.client.errors.WakeupException}. */
  public void wakeup() {
    fetcher.wakeup();
  }

  /** Commits (with auto-commit), leaves the group so its partitions move at once, and releases resources. */
  @Override
  public void close() {
    run(() -> {
      try {
        group.commitOnClose(fetcher);
        group.unsubscribe(fetcher);
        group.close();
      } finally {
        closed = true;
        channels.close();
      }
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

  private <T> T call(Supplier<T> action) {
    acquire();
    try {
      return action.get();
    } finally {
      release();
    }
  }
}
