package io.rafka.tools;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a bad command line as one {@code Error: <message> (see '<command> --help')} line on standard error
 * and picocli's usage exit code (2), instead of the whole usage text: a tool with many subcommands would
 * otherwise bury the one line that matters. Stateless and thread-safe.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine commandLine = ex.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println("Error: " + message(ex) + " (see '" + commandLine.getCommandSpec().qualifiedName() + " --help')");
    err.flush();
    return commandLine.getCommandSpec().exitCodeOnInvalidInput();
  }

  /** Picocli's message, said plainly for an unknown subcommand, with its suggestions; one line. */
  static String message(ParameterException ex) {
    CommandLine commandLine = ex.getCommandLine();
    String message = ToolErrorHandler.message(ex);
    if (message.startsWith("Missing required subcommand") && !commandLine.getSubcommands().isEmpty()) {
      return message + "; expected one of: " + String.join(", ", commandLine.getSubcommands().keySet());
    }
    if (ex instanceof UnmatchedArgumentException unmatched) {
      List<String> args = unmatched.getUnmatched();
      boolean subcommandExpected = !commandLine.getSubcommands().isEmpty();
      if (subcommandExpected && !args.isEmpty() && !args.get(0).startsWith("-")) {
        message = "unknown subcommand '" + args.get(0) + "'; expected one of: "
            + String.join(", ", commandLine.getSubcommands().keySet());
      } else if (!unmatched.getSuggestions().isEmpty()) {
        message += "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
      }
    }
    return message;
  }
}
