package io.rafka.tools;

import picocli.CommandLine;

/**
 * Runs a tool's picocli command with Rafka's error reporting. Stateless and thread-safe.
 *
 * <p>Exit codes: 0 success, 1 the command failed (see {@link ToolErrorHandler}), 2 bad usage (picocli).
 */
final class ToolLauncher {
  private ToolLauncher() {}

  /** The command line for {@code command}, ready to execute; tests use it without exiting the JVM. */
  static CommandLine commandLine(Object command) {
    return new CommandLine(command).setExecutionExceptionHandler(new ToolErrorHandler());
  }

  /** Executes the command and exits the JVM with its code, which is how the shell learns it. */
  static void run(Object command, String[] args) {
    System.exit(commandLine(command).execute(args));
  }
}
