package io.rafka.tools;

import io.rafka.client.CommonClientConfigs;
import io.rafka.client.admin.RafkaAdmin;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Not thread-safe (picocli fills and runs it once): one leaf command of {@code rafka-admin.sh}. It takes the
 * options every tool takes plus {@code --json} and {@code --timeout-ms}, checks its own options, asks the
 * cluster through a {@link RafkaAdmin}, and prints the answer as tables or as JSON.
 */
abstract class AdminSubcommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Option(names = "--json", description = "Print JSON for programs instead of tables for people.")
  boolean json;

  @Option(names = "--timeout-ms", paramLabel = "MS",
      description = "How long to wait for the cluster's answer; changes wait until they are done "
          + "(default: the client's request.timeout.ms, 30000).")
  Long timeoutMs;

  @Spec
  CommandSpec spec;

  /** The clock that "down 12s" counts from; tests set another. */
  Clock clock = Clock.systemUTC();

  /**
   * What a command prints: {@code model} as JSON under {@code --json}, else {@code lines}. A non-null
   * {@code failure} is reported (exit 1) after the output, for a command that partly failed.
   */
  record Output(Object model, List<String> lines, String failure) {
    Output(Object model, List<String> lines) {
      this(model, lines, null);
    }
  }

  /** Checks what picocli cannot; throws {@link #usage} for a bad combination or value. */
  void checkOptions() {}

  /** Does the command's work. Failures propagate (as the client's futures throw them) to ToolErrorHandler. */
  abstract Output execute(RafkaAdmin admin);

  @Override
  public final Integer call() {
    if (timeoutMs != null && timeoutMs < 1) {
      throw usage("--timeout-ms must be at least 1, was " + timeoutMs);
    }
    checkOptions();
    PrintWriter out = spec.commandLine().getOut();
    Output output;
    try (RafkaAdmin admin = RafkaAdmin.create(clientConfig())) {
      output = execute(admin);
    }
    if (json) {
      out.println(AdminJson.toJson(output.model()));
    } else {
      output.lines().forEach(out::println);
    }
    out.flush();
    if (output.failure() != null) {
      throw new IllegalStateException(output.failure());
    }
    return 0;
  }

  private Map<String, Object> clientConfig() {
    Map<String, Object> config = new HashMap<>();
    config.put(CommonOptions.BOOTSTRAP_SERVERS, common.bootstrapServer);
    if (timeoutMs != null) {
      config.put(CommonClientConfigs.REQUEST_TIMEOUT_MS.name(), timeoutMs);
    }
    return config;
  }

  /** Refuses a node id below 1, the lowest a node may have. */
  void checkNodeId(String option, int nodeId) {
    if (nodeId < 1) {
      throw usage(option + " must be a node id (at least 1), was " + nodeId);
    }
  }

  ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
