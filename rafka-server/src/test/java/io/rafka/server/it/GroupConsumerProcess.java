package io.rafka.server.it;

import io.rafka.client.consumer.ConsumerRecord;
import io.rafka.client.consumer.ConsumerRecords;
import io.rafka.client.consumer.RafkaConsumer;
import io.rafka.client.errors.WakeupException;
import io.rafka.common.serialization.StringDeserializer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A group consumer in its own JVM, so a test can kill it like a crashed application: subscribes, writes
 * "partition offset value" for every record to its output file (flushed before each commit), commits after
 * every poll. SIGTERM closes it cleanly (commit + leave).
 *
 * <p>Args: bootstrap group topic outputFile sessionTimeoutMs
 */
public final class GroupConsumerProcess {
  private GroupConsumerProcess() {}

  public static void main(String[] args) throws Exception {
    Map<String, Object> props = Map.of("bootstrap.servers", args[0], "group.id", args[1],
        "session.timeout.ms", args[4], "enable.auto.commit", "false", "auto.offset.reset", "earliest",
        "client.id", Path.of(args[3]).getFileName().toString());
    CountDownLatch done = new CountDownLatch(1);
    RafkaConsumer<String, String> consumer =
        new RafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      consumer.wakeup();
      try {
        done.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[3]), StandardOpenOption.CREATE,
        StandardOpenOption.APPEND))) {
      consumer.subscribe(List.of(args[2]));
      while (true) {
        ConsumerRecords<String, String> records;
        try {
          records = consumer.poll(Duration.ofMillis(200));
        } catch (WakeupException e) {
          break;
        }
        for (ConsumerRecord<String, String> r : records) {
          out.println(r.partition() + " " + r.offset() + " " + r.value());
        }
        out.flush();
        if (!records.isEmpty()) {
          consumer.commitSync();
        }
      }
    } finally {
      consumer.close();
      done.countDown();
    }
  }
}
