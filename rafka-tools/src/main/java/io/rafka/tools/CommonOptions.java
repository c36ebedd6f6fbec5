package io.rafka.tools;

import picocli.CommandLine.Option;

/**
 * The options every tool takes: where the cluster is, how much to say about a failure, and help. Not
 * thread-safe; picocli fills it once while parsing.
 */
final class CommonOptions {
  /** The client key the --bootstrap-server flag sets. */
  static final String BOOTSTRAP_SERVERS = "bootstrap.servers";

  @Option(names = "--bootstrap-server", required = true, paramLabel = "HOST:PORT[,HOST:PORT...]",
      description = "The nodes to ask first for cluster metadata; any one is enough.")
  String bootstrapServer;

  // Read by ToolErrorHandler through the parse result; picocli needs a field to put it in.
  @Option(names = "--verbose", description = "Print the stack trace of an error.")
  boolean verbose;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;
}
