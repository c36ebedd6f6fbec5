package io.rafka.server.cache;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import com.google.protobuf.ByteString;
import io.rafka.server.metrics.MetricNames;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The node's "sidecar" cache of recently applied batches, so that consumers at the tail of a partition are
 * served from memory. Bounded by bytes (a weigher over frame sizes), filled at apply time, keyed by
 * (partition incarnation, base offset). A partition incarnation is a number handed out every time a
 * partition's log is opened, so entries from before a restore or a snapshot install can never be served
 * for the new log. Thread-safe.
 */
public final class HotReadCache {
  private static final AtomicLong INCARNATIONS = new AtomicLong();

  private final Cache<Key, Entry> cache;
  private final boolean enabled;

  public HotReadCache(long maxBytes, MetricRegistry metrics) {
    this.enabled = maxBytes > 0;
    this.cache = Caffeine.newBuilder()
        .maximumWeight(Math.max(0, maxBytes))
        .weigher((Key k, Entry e) -> e.frame.size() + 64)
        .recordStats()
        .build();
    metrics.register(MetricNames.CACHE_HITS, (Gauge<Long>) () -> cache.stats().hitCount());
    metrics.register(MetricNames.CACHE_MISSES, (Gauge<Long>) () -> cache.stats().missCount());
    metrics.register(MetricNames.CACHE_EVICTIONS, (Gauge<Long>) () -> cache.stats().evictionCount());
    metrics.register(MetricNames.CACHE_HIT_RATIO, (Gauge<Double>) () -> cache.stats().hitRate());
    metrics.register(MetricNames.CACHE_ENTRIES, (Gauge<Long>) cache::estimatedSize);
    metrics.register(MetricNames.CACHE_BYTES, (Gauge<Long>) this::weightedSize);
    metrics.register(MetricNames.CACHE_MAX_BYTES, (Gauge<Long>) () -> maxBytes);
  }

  /** A fresh number for a newly opened partition log. */
  public static long newIncarnation() {
    return INCARNATIONS.incrementAndGet();
  }

  /** Remembers the frame of a batch just applied. */
  public void put(long incarnation, long baseOffset, int recordCount, ByteString frame) {
    if (enabled) {
      cache.put(new Key(incarnation, baseOffset), new Entry(frame, recordCount));
    }
  }

  /**
   * Frames of consecutive batches starting exactly at {@code offset}, while they are cached, below
   * {@code endOffset} and within {@code maxBytes} (the first frame is returned even if it is larger).
   * Returns null on a miss of the first batch; a later miss just ends the run, so the result is always a
   * correct prefix of the log from {@code offset}.
   */
  public ByteString read(long incarnation, long offset, long endOffset, int maxBytes) {
    if (!enabled) {
      return null;
    }
    ByteString out = null;
    long next = offset;
    long size = 0;
    while (next < endOffset) {
      Entry e = cache.getIfPresent(new Key(incarnation, next));
      if (e == null || (out != null && size + e.frame.size() > maxBytes)) {
        break;
      }
      out = out == null ? e.frame : out.concat(e.frame);
      size += e.frame.size();
      next += e.recordCount;
    }
    return out;
  }

  /** Drops every entry of one partition incarnation (its log was closed or replaced). */
  public void invalidate(long incarnation) {
    cache.asMap().keySet().removeIf(k -> k.incarnation == incarnation);
  }

  public CacheStats stats() {
    return cache.stats();
  }

  public long weightedSize() {
    return cache.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L);
  }

  /** Evicts everything now (for tests and operators). */
  public void clear() {
    cache.invalidateAll();
    cache.cleanUp();
  }

  private record Key(long incarnation, long baseOffset) {}

  private record Entry(ByteString frame, int recordCount) {}
}
