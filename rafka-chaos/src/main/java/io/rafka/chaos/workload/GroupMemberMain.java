package io.rafka.chaos.workload;

import io.rafka.chaos.history.HistoryEvent;
import io.rafka.chaos.history.HistoryWriter;
import io.rafka.chaos.history.OffsetValue;
import io.rafka.client.consumer.ConsumerRebalanceListener;
import io.rafka.client.consumer.ConsumerRecord;
import io.rafka.client.consumer.ConsumerRecords;
import io.rafka.client.consumer.OffsetAndMetadata;
import io.rafka.client.consumer.RafkaConsumer;
import io.rafka.client.errors.RafkaException;
import io.rafka.client.errors.WakeupException;
import io.rafka.common.TopicPartition;
import io.rafka.common.serialization.StringDeserializer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/**
 * A consumer-group member in its own JVM, so the harness can SIGKILL it like a crashed application. It records
 * every poll's records per partition as a group read and every commit (after each poll, synchronously) in its
 * own history file. A partition newly assigned starts a new read session at its first record (a seek in the
 * history); within a session the checker holds it to dense offsets.
 *
 * <p>Args: bootstrap group topic historyFile runStartEpochMillis memberName
 */
public final class GroupMemberMain {
  private GroupMemberMain() {}

  public static void main(String[] args) throws Exception {
    String group = args[1];
    String topic = args[2];
    String member = args[5];
    History history = new History(HistoryWriter.create(Path.of(args[3])), Long.parseLong(args[4]));
    Map<String, Object> props = Map.of("bootstrap.servers", args[0], "group.id", group, "client.id", member,
        "session.timeout.ms", "6000", "enable.auto.commit", "false", "auto.offset.reset", "earliest",
        "request.timeout.ms", "5000");
    RafkaConsumer<String, String> consumer =
        new RafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    CountDownLatch done = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      consumer.wakeup();
      try {
        done.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
    Set<Integer> fresh = new HashSet<>();
    consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
      @Override
      public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}

      @Override
      public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        partitions.forEach(tp -> fresh.add(tp.partition()));
      }
    });
    try {
      while (true) {
        ConsumerRecords<String, String> records;
        try {
          records = consumer.poll(Duration.ofMillis(300));
        } catch (WakeupException e) {
          break;
        }
        Map<Integer, List<OffsetValue>> byPartition = new TreeMap<>();
        for (ConsumerRecord<String, String> r : records) {
          byPartition.computeIfAbsent(r.partition(), p -> new ArrayList<>()).add(new OffsetValue(r.offset(), r.value()));
        }
        Map<TopicPartition, OffsetAndMetadata> commits = new TreeMap<>(
            java.util.Comparator.comparing(TopicPartition::partition));
        byPartition.forEach((p, list) -> {
          long from = fresh.remove(p) ? list.get(0).offset() : HistoryEvent.NONE;
          history.record(t -> HistoryEvent.read(t, member, p, from).inGroup(group, member));
          history.record(t -> HistoryEvent.readOk(t, member, p, HistoryEvent.NONE, list).inGroup(group, member));
          commits.put(new TopicPartition(topic, p), new OffsetAndMetadata(list.get(list.size() - 1).offset() + 1));
        });
        if (!commits.isEmpty()) {
          commit(consumer, history, group, member, commits);
        }
      }
    } finally {
      consumer.close();
      history.close();
      done.countDown();
    }
  }

  private static void commit(RafkaConsumer<String, String> consumer, History history, String group, String member,
      Map<TopicPartition, OffsetAndMetadata> commits) {
    commits.forEach((tp, o) -> history.record(t -> HistoryEvent.commit(t, member, group, member, tp.partition(),
        o.offset())));
    try {
      consumer.commitSync(commits);
      commits.forEach((tp, o) -> history.record(t -> HistoryEvent.commitOk(t, member, group, member,
          tp.partition(), o.offset())));
    } catch (RafkaException e) {
      // A rebalance took the partitions (or the coordinator moved): a real application logs it and goes on;
      // the records will be read again by their next owner.
      commits.forEach((tp, o) -> history.record(t -> HistoryEvent.commitFail(t, member, group, member,
          tp.partition(), o.offset(), e.getMessage())));
    }
  }
}
