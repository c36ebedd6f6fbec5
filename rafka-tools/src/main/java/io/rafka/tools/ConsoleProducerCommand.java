package io.rafka.tools;

import io.rafka.client.producer.ProducerConfig;
import io.rafka.client.producer.RafkaProducer;
import io.rafka.common.compress.CompressionType;
import io.rafka.common.serialization.StringSerializer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
 * Not thread-safe (picocli fills and runs it once): {@code rafka-console-producer.sh}, which sends each line
 * of standard input (UTF-8) as a record, with the flags of Kafka's {@code kafka-console-producer.sh}.
 */
@Command(name = "rafka-console-producer.sh", sortOptions = false,
    description = "Send each line of standard input as a record to a topic.")
public final class ConsoleProducerCommand implements Callable<Integer> {
  private static final int INPUT_BUFFER_CHARS = 1 << 16;

  @Mixin
  CommonOptions common;

  @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "The topic to write to.")
  String topic;

  @Option(names = "--property", paramLabel = "KEY=VALUE", converter = KeyValueConverter.class,
      description = "How lines are read: parse.key=true splits each line into key and value at the first "
          + "key.separator (default: a tab).")
  List<KeyValue> properties = new ArrayList<>();

  // Kafka's flag takes its value optionally and means gzip without one; picocli's fallbackValue does that.
  @Option(names = "--compression-codec", arity = "0..1", fallbackValue = "gzip", paramLabel = "CODEC",
      converter = CompressionCodecConverter.class,
      description = "Compress batches with none, lz4, zstd or gzip (gzip when the flag has no value); "
          + "wins over --producer-property compression.type. Default: none.")
  CompressionType compressionCodec;

  @Option(names = "--producer-property", paramLabel = "KEY=VALUE", converter = KeyValueConverter.class,
      description = "A producer setting such as linger.ms or batch.size; --bootstrap-server wins over "
          + "bootstrap.servers.")
  List<KeyValue> producerProperties = new ArrayList<>();

  @Spec
  CommandSpec spec;

  public static void main(String[] args) {
    ToolLauncher.run(new ConsoleProducerCommand(), args);
  }

  @Override
  public Integer call() throws Exception {
    LineParser parser;
    try {
      parser = LineParser.from(ToolProperties.of(properties, LineParser.PROPERTIES));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    FirstError errors = new FirstError();
    try (RafkaProducer<String, String> producer =
        new RafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer())) {
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8),
          INPUT_BUFFER_CHARS);
      new LineProducer(topic, parser, producer::send, errors).run(in);
      // Even after a bad line, what was sent before it is delivered before we report.
      producer.flush();
    }
    errors.rethrow();
    return 0;
  }

  /**
   * The user's producer settings, with the cluster from --bootstrap-server and, when given, the codec from
   * --compression-codec; the producer's own default (none) applies otherwise.
   */
  Map<String, String> producerConfig() {
    Map<String, String> config = new HashMap<>(KeyValue.toMap(producerProperties));
    config.put(CommonOptions.BOOTSTRAP_SERVERS, common.bootstrapServer);
    if (compressionCodec != null) {
      config.put(ProducerConfig.COMPRESSION_TYPE.name(), compressionCodec.configName());
    }
    return config;
  }
}
