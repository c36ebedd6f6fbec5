package io.rafka.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The client settings the console tools derive from their flags; parsing only, no client is made. */
class ConsoleCommandConfigTest {
  private static final String SERVER = "--bootstrap-server=localhost:9092";

  private static Map<String, String> producerConfig(String... args) {
    ConsoleProducerCommand command = new ConsoleProducerCommand();
    new CommandLine(command).parseArgs(args);
    return command.producerConfig();
  }

  private static Map<String, String> consumerConfig(boolean fromBeginning, String... args) {
    ConsoleConsumerCommand command = new ConsoleConsumerCommand();
    new CommandLine(command).parseArgs(args);
    return command.consumerConfig(StartPosition.fromFlags(null, null, fromBeginning));
  }

  @Test
  void compressionCodecSetsCompressionType() {
    for (String codec : new String[] {"none", "lz4", "zstd", "gzip"}) {
      assertEquals(codec, producerConfig(SERVER, "--topic=t", "--compression-codec=" + codec).get("compression.type"));
    }
  }

  @Test
  void compressionCodecWithoutValueMeansGzipAsInKafka() {
    assertEquals("gzip", producerConfig(SERVER, "--compression-codec", "--topic=t").get("compression.type"));
  }

  @Test
  void withoutTheFlagTheProducerPropertyOrTheProducersDefaultApplies() {
    assertFalse(producerConfig(SERVER, "--topic=t").containsKey("compression.type"));
    assertEquals("zstd", producerConfig(SERVER, "--topic=t", "--producer-property", "compression.type=zstd")
        .get("compression.type"));
    assertEquals("lz4", producerConfig(SERVER, "--topic=t", "--producer-property", "compression.type=zstd",
        "--compression-codec=lz4").get("compression.type"));
  }

  @Test
  void groupSetsGroupIdAndFromBeginningOnlyWhereNothingIsCommitted() {
    Map<String, String> config = consumerConfig(true, SERVER, "--topic=t", "--group=g", "--from-beginning");
    assertEquals("g", config.get("group.id"));
    assertEquals("earliest", config.get("auto.offset.reset"));
    assertEquals("latest", consumerConfig(false, SERVER, "--topic=t", "--group=g").get("auto.offset.reset"));
  }

  @Test
  void withoutGroupNoGroupIsSet() {
    assertFalse(consumerConfig(false, SERVER, "--topic=t").containsKey("group.id"));
  }
}
