package io.rafka.tools;

import io.rafka.client.admin.RafkaAdmin;
import io.rafka.client.consumer.ConsumerConfig;
import io.rafka.client.consumer.RafkaConsumer;
import io.rafka.common.TopicPartition;
import io.rafka.common.serialization.ByteArrayDeserializer;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rafka-perf.sh consume}: reads a topic from the beginning until it has a number of records, and
 * reports throughput as Kafka's {@code kafka-consumer-perf-test.sh} does. There are no consumer groups yet,
 * so it assigns itself every partition. Not thread-safe; picocli fills and runs it once.
 */
@Command(name = "consume", sortOptions = false,
    description = "Read a topic from the beginning and report how fast records came.")
public final class ConsumePerfCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "The topic to read.")
  String topic;

  @Option(names = "--messages", required = true, paramLabel = "N", description = "How many records to read.")
  long messages;

  @Option(names = "--timeout-ms", paramLabel = "MS", defaultValue = "10000",
      description = "Give up when no record came for this long (default: ${DEFAULT-VALUE}).")
  long timeoutMs;

  @Option(names = "--consumer-props", arity = "1..*", paramLabel = "KEY=VALUE",
      converter = KeyValueConverter.class,
      description = "Consumer settings such as max.poll.records=2000; --bootstrap-server wins over "
          + "bootstrap.servers.")
  List<KeyValue> consumerProps = new ArrayList<>();

  @Option(names = "--print-interval-ms", paramLabel = "MS", defaultValue = "5000",
      description = "How often to print the throughput of the last interval (default: ${DEFAULT-VALUE}).")
  long printIntervalMs;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    checkAtLeast("--messages", messages);
    checkAtLeast("--timeout-ms", timeoutMs);
    checkAtLeast("--print-interval-ms", printIntervalMs);
    Map<String, String> config = new HashMap<>(KeyValue.toMap(consumerProps));
    config.put(CommonOptions.BOOTSTRAP_SERVERS, common.bootstrapServer);
    // seekToBeginning positions every partition; this covers a position that retention removes meanwhile.
    config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET.name(), "earliest");

    PrintWriter out = spec.commandLine().getOut();
    ConsumePerfLoop loop = new ConsumePerfLoop(messages, Duration.ofMillis(timeoutMs),
        Duration.ofMillis(printIntervalMs), System::nanoTime, out::println);
    PerfReport.ConsumeSummary summary;
    try (RafkaConsumer<byte[], byte[]> consumer =
        new RafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      // As in Kafka, the run starts before the consumer finds its partitions (there: joins its group), and
      // the fetch.* columns leave that setup out.
      long startEpochMillis = System.currentTimeMillis();
      long startNanos = System.nanoTime();
      List<TopicPartition> partitions = partitions();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long setupNanos = System.nanoTime() - startNanos;
      ConsumePerfLoop.Result result = loop.run(consumer::poll);
      summary = new PerfReport.ConsumeSummary(startEpochMillis, setupNanos + result.fetchNanos(),
          result.fetchNanos(), result.records(), result.bytes());
    }
    PerfReport.consumerTotal(summary, ZoneId.systemDefault()).forEach(out::println);
    out.println(PerfReport.consumerSummary(summary));
    out.flush();
    if (summary.records() < messages) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("Error: consumed only " + summary.records() + " of " + messages + " records; none came for "
          + timeoutMs + " ms");
      err.flush();
      return ToolErrorHandler.FAILED;
    }
    return 0;
  }

  /** Every partition of the topic; asks the cluster, so a missing topic fails here. */
  private List<TopicPartition> partitions() {
    try (RafkaAdmin admin = RafkaAdmin.create(Map.of(CommonOptions.BOOTSTRAP_SERVERS, common.bootstrapServer))) {
      return admin.describeTopic(topic).join().partitions().stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
    }
  }

  private void checkAtLeast(String flag, long value) {
    if (value < 1) {
      throw new ParameterException(spec.commandLine(), flag + " must be at least 1, was " + value);
    }
  }
}
