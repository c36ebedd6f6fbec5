package io.rafka.tools;

import java.io.PrintWriter;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Reports a failed command as one {@code Error: <message>} line on standard error and exit code 1, with
 * the stack trace only under {@code --verbose}: a stack trace tells an operator nothing a good message
 * does not. Stateless and thread-safe.
 */
final class ToolErrorHandler implements IExecutionExceptionHandler {
  static final int FAILED = 1;

  @Override
  public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
    Throwable cause = unwrap(ex);
    PrintWriter err = commandLine.getErr();
    err.println("Error: " + message(cause));
    // The failed command's own parse result: for a subcommand (rafka-perf.sh produce), parseResult is the
    // top-level command's, which does not hold the subcommand's --verbose.
    if (commandLine.getParseResult().hasMatchedOption("--verbose")) {
      cause.printStackTrace(err);
    }
    err.flush();
    return FAILED;
  }

  /** The error behind the wrappers that futures put around it. */
  static Throwable unwrap(Throwable t) {
    Throwable current = t;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  /**
   * The first line of the error's message, or its type when it has none (a bare NullPointerException,
   * say). Only the first line, because some messages carry a stack trace after it: the client's transport
   * errors include gRPC's Status text, which appends its cause's trace. {@code --verbose} shows it all.
   */
  static String message(Throwable t) {
    String message = t.getMessage();
    if (message == null || message.isBlank()) {
      return t.getClass().getSimpleName();
    }
    return message.lines().findFirst().orElse(message).strip();
  }
}
