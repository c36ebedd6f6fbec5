package io.rafka.tools;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rafka-perf.sh}: measures how fast a cluster takes and serves records, in the manner of Kafka's
 * {@code kafka-producer-perf-test.sh} and {@code kafka-consumer-perf-test.sh}, one subcommand each. Not
 * thread-safe; picocli fills and runs it once.
 *
 * <p>It implements neither Runnable nor Callable, so picocli itself rejects a command line without a
 * subcommand ("Missing required subcommand", exit 2).
 */
@Command(name = "rafka-perf.sh", subcommands = {ProducePerfCommand.class, ConsumePerfCommand.class},
    description = "Measure producer or consumer throughput and latency against a Rafka cluster.")
public final class PerfCommand {
  // Picocli needs a field to put --help in; the subcommands take the usual options through CommonOptions.
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  public static void main(String[] args) {
    ToolLauncher.run(new PerfCommand(), args);
  }
}
