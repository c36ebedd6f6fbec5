package io.rafka.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rafka.client.consumer.ConsumerRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordFormatterTest {
  private static final ConsumerRecord<String, String> RECORD =
      new ConsumerRecord<>("t", 2, 42, 1_700_000_000_000L, "k", "v", List.of());

  private static RecordFormatter from(String... properties) {
    return RecordFormatter.from(ToolProperties.of(List.of(properties).stream().map(KeyValue::parse).toList(),
        RecordFormatter.PROPERTIES));
  }

  @Test
  void printsTheValueOnlyByDefault() {
    assertEquals("v", from().format(RECORD));
  }

  @Test
  void printsPartitionOffsetKeyAndValueInKafkasOrder() {
    assertEquals("Partition:2\tOffset:42\tk\tv",
        from("print.key=true", "print.offset=true", "print.partition=true").format(RECORD));
  }

  @Test
  void eachPartIsOptional() {
    assertEquals("k\tv", from("print.key=true").format(RECORD));
    assertEquals("Offset:42\tv", from("print.offset=true").format(RECORD));
    assertEquals("Partition:2\tv", from("print.partition=true").format(RECORD));
  }

  @Test
  void usesTheKeySeparatorBetweenAllParts() {
    assertEquals("Partition:2 | Offset:42 | k | v", from("print.key=true", "print.offset=true",
        "print.partition=true", "key.separator= | ").format(RECORD));
  }

  @Test
  void printsNullForANullKeyOrValue() {
    ConsumerRecord<String, String> tombstone = new ConsumerRecord<>("t", 0, 0, 0, null, null, List.of());
    assertEquals("null\tnull", from("print.key=true").format(tombstone));
  }

  @Test
  void producerPropertiesAreNotConsumerProperties() {
    assertThrows(IllegalArgumentException.class, () -> from("parse.key=true"));
  }
}
