package io.rafka.tools;

import io.rafka.client.producer.RafkaProducer;
import io.rafka.common.serialization.ByteArraySerializer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rafka-perf.sh produce}: sends a number of random records of one size at a set rate and reports
 * throughput and latency as Kafka's {@code kafka-producer-perf-test.sh} does. Not thread-safe; picocli fills
 * and runs it once.
 */
@Command(name = "produce", sortOptions = false,
    description = "Send records of random bytes and report throughput and send-to-acknowledgement latency.")
public final class ProducePerfCommand implements Callable<Integer> {
  /** How long the end of a run waits for a progress line being printed; printing takes microseconds. */
  private static final long REPORTER_STOP_SECONDS = 10;

  @Mixin
  CommonOptions common;

  @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "The topic to write to.")
  String topic;

  @Option(names = "--num-records", required = true, paramLabel = "N", description = "How many records to send.")
  long numRecords;

  @Option(names = "--record-size", required = true, paramLabel = "BYTES",
      description = "The size of each record's value; records have no key.")
  int recordSize;

  @Option(names = "--throughput", required = true, paramLabel = "RECORDS/SEC",
      description = "The most records to send per second; -1 for as fast as the producer takes them.")
  double throughput;

  @Option(names = "--producer-props", arity = "1..*", paramLabel = "KEY=VALUE",
      converter = KeyValueConverter.class,
      description = "Producer settings such as linger.ms=5 batch.size=65536; --bootstrap-server wins over "
          + "bootstrap.servers.")
  List<KeyValue> producerProps = new ArrayList<>();

  @Option(names = "--payload-seed", paramLabel = "SEED",
      description = "Seed for the random record values, to send the same values again (default: random).")
  Long payloadSeed;

  @Option(names = "--print-interval-ms", paramLabel = "MS", defaultValue = "5000",
      description = "How often to print the throughput and latency of the last interval (default: ${DEFAULT-VALUE}).")
  long printIntervalMs;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    checkOptions();
    Throttler throttler = throughput < 0 ? Throttler.unlimited()
        : Throttler.perSecond(throughput, System::nanoTime, Throttler.PARK);
    PayloadPool payloads = new PayloadPool(recordSize, numRecords, PayloadPool.DEFAULT_POOL_BYTES,
        payloadSeed != null ? payloadSeed : ThreadLocalRandom.current().nextLong());
    Map<String, String> config = new HashMap<>(KeyValue.toMap(producerProps));
    config.put(CommonOptions.BOOTSTRAP_SERVERS, common.bootstrapServer);

    PrintWriter out = spec.commandLine().getOut();
    SendFailures failures = new SendFailures();
    long handedOver;
    LatencyStats.Snapshot total;
    try (RafkaProducer<byte[], byte[]> producer =
        new RafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
      LatencyStats latencies = new LatencyStats(System::nanoTime);
      ProduceLoop loop = new ProduceLoop(topic, numRecords, payloads, throttler, latencies, failures,
          System::nanoTime);
      ScheduledExecutorService reporter = startReporter(latencies, out);
      try {
        handedOver = loop.run(producer::send);
        // flush() sends what linger.ms still holds back; allSettled() then waits for our own accounting.
        producer.flush();
        loop.allSettled().join();
      } finally {
        stop(reporter);
      }
      total = latencies.total();
    }
    out.println(PerfReport.producerTotal(total, recordSize));
    out.flush();
    return total.count() == numRecords ? 0 : reportFailures(handedOver, failures);
  }

  private void checkOptions() {
    if (numRecords < 1) {
      throw usage("--num-records must be at least 1, was " + numRecords);
    }
    if (recordSize < 1) {
      throw usage("--record-size must be at least 1, was " + recordSize);
    }
    // Any negative rate means "no limit", as in Kafka; zero would never send anything.
    if (throughput == 0 || Double.isNaN(throughput) || Double.isInfinite(throughput)) {
      throw usage("--throughput must be a positive number of records per second, or -1 for no limit, was "
          + throughput);
    }
    if (printIntervalMs < 1) {
      throw usage("--print-interval-ms must be at least 1, was " + printIntervalMs);
    }
  }

  /**
   * Prints the last interval's line every print interval from a thread of its own, so that lines come on
   * time even while the sending thread is throttled or blocked in a full producer buffer.
   */
  private ScheduledExecutorService startReporter(LatencyStats latencies, PrintWriter out) {
    ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "rafka-perf-reporter");
      thread.setDaemon(true);
      return thread;
    });
    reporter.scheduleAtFixedRate(() -> out.println(PerfReport.producerInterval(latencies.takeInterval(),
        recordSize)), printIntervalMs, printIntervalMs, TimeUnit.MILLISECONDS);
    return reporter;
  }

  /** Cancels the reporter and waits for a line it may be printing, so that it cannot follow the total. */
  private static void stop(ScheduledExecutorService reporter) throws InterruptedException {
    reporter.shutdown();
    reporter.awaitTermination(REPORTER_STOP_SECONDS, TimeUnit.SECONDS);
  }

  /**
   * Explains on standard error why fewer records than asked for were acknowledged; returns the exit code.
   * Every record handed over was settled by then, so the shortfall is failed sends, and unsent records when
   * a send threw.
   */
  private int reportFailures(long handedOver, SendFailures failures) {
    PrintWriter err = spec.commandLine().getErr();
    Throwable first = ToolErrorHandler.unwrap(failures.first().orElseThrow());
    err.println("Error: " + failures.count() + (failures.count() == 1 ? " send" : " sends") + " failed"
        + (handedOver < numRecords ? ", and sending stopped after " + handedOver + " of " + numRecords + " records"
            : "")
        + "; the first error: " + ToolErrorHandler.message(first));
    if (common.verbose) {
      first.printStackTrace(err);
    }
    err.flush();
    return ToolErrorHandler.FAILED;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
