package io.rafka.tools;

import io.rafka.client.admin.PartitionInfo;
import io.rafka.client.admin.RafkaAdmin;
import io.rafka.client.admin.TopicDescription;
import io.rafka.client.consumer.ConsumerConfig;
import io.rafka.client.consumer.RafkaConsumer;
import io.rafka.client.errors.UnknownTopicOrPartitionException;
import io.rafka.common.TopicPartition;
import io.rafka.common.serialization.StringDeserializer;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Not thread-safe (picocli fills and runs it once): {@code rafka-console-consumer.sh}, which prints the
 * records of a topic to standard output, one per line, with the flags of Kafka's
 * {@code kafka-console-consumer.sh}. With {@code --group} it reads as a member of that consumer group, which
 * decides the partitions it reads and where it starts; without, it reads every partition of the topic (or the
 * one given) outside any group.
 */
@Command(name = "rafka-console-consumer.sh", sortOptions = false,
    description = "Print the records of a topic to standard output, one per line.")
public final class ConsoleConsumerCommand implements Callable<Integer> {
  private static final int OUTPUT_BUFFER_CHARS = 1 << 16;
  /** How long Ctrl-C waits for the loop to finish its poll and close; a hung node must not hang the exit. */
  private static final long SHUTDOWN_WAIT_SECONDS = 5;

  @Mixin
  CommonOptions common;

  @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "The topic to read.")
  String topic;

  @Option(names = "--group", paramLabel = "GROUP",
      description = "Read as a member of this consumer group: the group assigns the partitions, reading starts "
          + "at its committed offsets, and what was read is committed.")
  String group;

  @Option(names = "--from-beginning",
      description = "Start at the beginning of the log rather than at its end (with --group: where the group "
          + "has no committed offset).")
  boolean fromBeginning;

  @Option(names = "--partition", paramLabel = "P", description = "Read only this partition.")
  Integer partition;

  @Option(names = "--offset", paramLabel = "OFFSET|earliest|latest",
      description = "With --partition: where to start (default: latest, or earliest with --from-beginning).")
  String offset;

  @Option(names = "--max-messages", paramLabel = "N", description = "Exit after printing this many records.")
  Long maxMessages;

  @Option(names = "--timeout-ms", paramLabel = "MS",
      description = "Exit when no record came for this many milliseconds.")
  Long timeoutMs;

  @Option(names = "--property", paramLabel = "KEY=VALUE", converter = KeyValueConverter.class,
      description = "How records are printed: print.partition, print.offset, print.key (true/false) and "
          + "key.separator (default: a tab).")
  List<KeyValue> properties = new ArrayList<>();

  @Option(names = "--consumer-property", paramLabel = "KEY=VALUE", converter = KeyValueConverter.class,
      description = "A consumer setting such as max.poll.records; --bootstrap-server wins over "
          + "bootstrap.servers.")
  List<KeyValue> consumerProperties = new ArrayList<>();

  @Spec
  CommandSpec spec;

  public static void main(String[] args) {
    ToolLauncher.run(new ConsoleConsumerCommand(), args);
  }

  @Override
  public Integer call() {
    checkGroupFlags();
    StartPosition start;
    RecordFormatter formatter;
    try {
      start = StartPosition.fromFlags(partition, offset, fromBeginning);
      formatter = RecordFormatter.from(ToolProperties.of(properties, RecordFormatter.PROPERTIES));
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    checkAtLeast("--partition", partition, 0);
    checkAtLeast("--max-messages", maxMessages, 1);
    checkAtLeast("--timeout-ms", timeoutMs, 1);

    // Records go straight to file descriptor 1 rather than through System.out, which would swallow the
    // IOException that tells us the reader (say, `head`) has gone.
    Writer out = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
        StandardCharsets.UTF_8), OUTPUT_BUFFER_CHARS);
    ConsumeLoop loop = new ConsumeLoop(formatter, out, maxMessages == null ? Long.MAX_VALUE : maxMessages,
        timeoutMs == null ? Long.MAX_VALUE : timeoutMs, System::nanoTime);
    // On Ctrl-C the JVM runs this hook and halts when it returns, so it waits for the main thread to stop
    // reading, report and close the consumer.
    CountDownLatch finished = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      loop.stop();
      awaitQuietly(finished);
    }, "rafka-console-consumer-shutdown"));
    try (RafkaConsumer<String, String> consumer =
        new RafkaConsumer<>(consumerConfig(start), new StringDeserializer(), new StringDeserializer())) {
      if (group == null) {
        List<TopicPartition> partitions = partitionsToRead(describeTopic());
        consumer.assign(partitions);
        start.applyTo(consumer, partitions);
      } else {
        // Asked first so that a missing topic fails here, as it does without --group, rather than the
        // group waiting for partitions that will never come.
        describeTopic();
        consumer.subscribe(List.of(topic));
      }
      readAll(loop, consumer);
      // Closing commits the group's positions, which include records polled but left unprinted at
      // --max-messages; moving back to them keeps them for the group's next reader.
      loop.unwritten().forEach(consumer::seek);
    } finally {
      finished.countDown();
    }
    return 0;
  }

  /** Runs the loop, then reports the count on standard error, as Kafka does, however the loop ended. */
  private void readAll(ConsumeLoop loop, RafkaConsumer<String, String> consumer) {
    PrintWriter err = spec.commandLine().getErr();
    try {
      loop.run(consumer::poll);
    } catch (IOException e) {
      err.println("Unable to write to standard output, closing the consumer.");
    } finally {
      err.println("Processed a total of " + loop.written() + " messages");
      err.flush();
    }
  }

  /** Asks the cluster about the topic, so a missing topic fails here. */
  private TopicDescription describeTopic() {
    try (RafkaAdmin admin = RafkaAdmin.create(Map.of(CommonOptions.BOOTSTRAP_SERVERS, common.bootstrapServer))) {
      return admin.describeTopic(topic).join();
    }
  }

  /** The topic's partitions, or the one asked for. */
  private List<TopicPartition> partitionsToRead(TopicDescription description) {
    List<TopicPartition> all = description.partitions().stream()
        .map(p -> new TopicPartition(topic, p.partition())).toList();
    if (partition == null) {
      return all;
    }
    if (description.partitions().stream().map(PartitionInfo::partition).noneMatch(partition::equals)) {
      throw new UnknownTopicOrPartitionException("topic '" + topic + "' has " + all.size()
          + " partitions; partition " + partition + " does not exist");
    }
    return List.of(new TopicPartition(topic, partition));
  }

  /**
   * The user's consumer settings, with the cluster from --bootstrap-server, the group from --group and,
   * unless the user set it, the auto.offset.reset that matches where we start; in a group that is where a
   * partition without a committed offset starts.
   */
  Map<String, String> consumerConfig(StartPosition start) {
    Map<String, String> config = new HashMap<>(KeyValue.toMap(consumerProperties));
    config.put(CommonOptions.BOOTSTRAP_SERVERS, common.bootstrapServer);
    if (group != null) {
      config.put(ConsumerConfig.GROUP_ID.name(), group);
    }
    config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET.name(), start.autoOffsetReset());
    return config;
  }

  /**
   * The group decides which partitions a member reads and where it starts, so --partition and --offset do
   * not combine with --group. Checked before the start flags, whose own complaints would mislead here.
   */
  private void checkGroupFlags() {
    if (group == null) {
      return;
    }
    if (group.isEmpty()) {
      throw usage("--group must not be empty");
    }
    if (partition != null || offset != null) {
      throw usage("--partition and --offset cannot be used with --group: the group assigns the partitions "
          + "and starts each at its committed offset");
    }
    String configured = KeyValue.toMap(consumerProperties).get(ConsumerConfig.GROUP_ID.name());
    if (configured != null && !configured.equals(group)) {
      throw usage("--group '" + group + "' and --consumer-property group.id=" + configured + " disagree");
    }
  }

  private void checkAtLeast(String flag, Number value, long min) {
    if (value != null && value.longValue() < min) {
      throw usage(flag + " must be at least " + min + ", was " + value);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
