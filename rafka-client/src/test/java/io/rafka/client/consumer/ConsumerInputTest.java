package io.rafka.client.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rafka.client.errors.WakeupException;
import io.rafka.common.TopicPartition;
import io.rafka.common.config.ConfigException;
import io.rafka.common.serialization.StringDeserializer;
import java.time.Duration;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad consumer input fails at once with a clear error; no server is needed (nothing listens on port 1). */
class ConsumerInputTest {
  private static Map<String, Object> props(String... kv) {
    Map<String, Object> p = new HashMap<>();
    p.put("bootstrap.servers", "127.0.0.1:1");
    p.put("request.timeout.ms", "500");
    for (int i = 0; i < kv.length; i += 2) {
      p.put(kv[i], kv[i + 1]);
    }
    return p;
  }

  private static RafkaConsumer<String, String> consumer(Map<String, Object> props) {
    return new RafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
  }

  @ParameterizedTest
  @CsvSource({
      "auto.offset.reset, smallest",
      "max.poll.records, 0",
      "fetch.max.bytes, -1",
      "session.timeout.ms, -3",
      "group.remote.assignor, cooperative",
      "enable.auto.commit, yes"})
  void invalidValuesNameTheKey(String key, String value) {
    ConfigException e = assertThrows(ConfigException.class, () -> consumer(props(key, value)).close());
    assertTrue(e.getMessage().contains(key), e.getMessage());
  }

  @Test
  void anUnknownDeserializerClassIsNamed() {
    ConfigException e = assertThrows(ConfigException.class, () -> new RafkaConsumer<String, String>(props(
        "key.deserializer", "nope.Deserializer", "value.deserializer", StringDeserializer.class.getName())).close());
    assertTrue(e.getMessage().contains("key.deserializer"), e.getMessage());
  }

  @Test
  void subscribeNeedsAGroupAndTopics() {
    try (RafkaConsumer<String, String> c = consumer(props())) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> c.subscribe(List.of("t")));
      assertTrue(e.getMessage().contains("group.id"), e.getMessage());
    }
    try (RafkaConsumer<String, String> c = consumer(props("group.id", "g"))) {
      assertThrows(IllegalArgumentException.class, () -> c.subscribe(List.of()));
      assertThrows(NullPointerException.class, () -> c.subscribe(null));
    }
  }

  @Test
  void pollWithoutPartitionsIsAnError() {
    try (RafkaConsumer<String, String> c = consumer(props())) {
      assertThrows(IllegalStateException.class, () -> c.poll(Duration.ofMillis(10)));
    }
  }

  @Test
  void pollFromTwoThreadsAtOnceIsRefused() throws Exception {
    try (RafkaConsumer<String, String> c = consumer(props())) {
      c.assign(List.of(new TopicPartition("t", 0)));
      CyclicBarrier together = new CyclicBarrier(2);
      AtomicInteger refused = new AtomicInteger();
      Runnable poller = () -> {
        try {
          together.await();
          c.poll(Duration.ofSeconds(2));
        } catch (ConcurrentModificationException e) {
          refused.incrementAndGet();
          c.wakeup();
        } catch (WakeupException e) {
          // the other thread's poll, woken once this one was refused
        } catch (Exception e) {
          // no server answers: the poll that got in may time out, which is fine here
        }
      };
      CompletableFuture<Void> a = CompletableFuture.runAsync(poller);
      CompletableFuture<Void> b = CompletableFuture.runAsync(poller);
      CompletableFuture.allOf(a, b).get(30, TimeUnit.SECONDS);
      assertEquals(1, refused.get(), "exactly one of two concurrent polls must be refused");
    }
  }

  @Test
  void wakeupInterruptsABlockedPoll() throws Exception {
    try (RafkaConsumer<String, String> c = consumer(props())) {
      c.assign(List.of(new TopicPartition("t", 0)));
      CompletableFuture<Throwable> polled = CompletableFuture.supplyAsync(() -> {
        try {
          c.poll(Duration.ofSeconds(30));
          return null;
        } catch (Throwable t) {
          return t;
        }
      });
      c.wakeup();
      Throwable t = polled.get(10, TimeUnit.SECONDS);
      assertTrue(t instanceof WakeupException, String.valueOf(t));
    }
  }
}
