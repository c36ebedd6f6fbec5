package io.rafka.tools;

import io.rafka.client.producer.ProducerRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * Reads lines and sends each as a record, without waiting for acknowledgements so that the producer can
 * batch; stops reading at the first error, whether a malformed line or a failed send. Not thread-safe: run
 * it from one thread (the send callbacks only touch the thread-safe {@link FirstError}).
 */
final class LineProducer {
  /** Where records go: {@code RafkaProducer::send} in the tool, a fake in tests. */
  @FunctionalInterface
  interface RecordSender {
    CompletableFuture<?> send(ProducerRecord<String, String> record);
  }

  private final String topic;
  private final LineParser parser;
  private final RecordSender sender;
  private final FirstError errors;

  LineProducer(String topic, LineParser parser, RecordSender sender, FirstError errors) {
    this.topic = topic;
    this.parser = parser;
    this.sender = sender;
    this.errors = errors;
  }

  /** Sends every line of {@code in} until its end or the first error, which goes to the FirstError. */
  void run(BufferedReader in) throws IOException {
    long lineNumber = 0;
    String line;
    // Once a send has failed, later records would most likely fail the same way: stop feeding them.
    while (!errors.recorded() && (line = in.readLine()) != null) {
      lineNumber++;
      LineParser.Line parsed;
      try {
        parsed = parser.parse(line, lineNumber);
      } catch (IllegalArgumentException e) {
        errors.record(e);
        return;
      }
      try {
        sender.send(new ProducerRecord<>(topic, parsed.key(), parsed.value())).whenComplete((ack, e) -> {
          if (e != null) {
            errors.record(e);
          }
        });
      } catch (RuntimeException e) {
        // send() itself fails when the topic's metadata does not come within max.block.ms.
        errors.record(e);
      }
    }
  }
}
