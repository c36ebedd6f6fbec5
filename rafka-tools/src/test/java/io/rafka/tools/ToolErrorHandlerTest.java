package io.rafka.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rafka.client.errors.TopicExistsException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ToolErrorHandlerTest {
  /** A tool whose work fails the way a failed client future does. */
  @Command(name = "failing")
  static final class FailingCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
      throw new CompletionException(new TopicExistsException("TOPIC_ALREADY_EXISTS: topic 'a' already exists"));
    }
  }

  /** A suite whose subcommand fails, as {@code rafka-perf.sh produce} may. */
  @Command(name = "suite", subcommands = FailingCommand.class)
  static final class Suite {}

  private final StringWriter err = new StringWriter();

  private int execute(String... args) {
    CommandLine commandLine = ToolLauncher.commandLine(new FailingCommand());
    commandLine.setErr(new PrintWriter(err));
    return commandLine.execute(args);
  }

  @Test
  void printsOneErrorLineAndExitsWithOne() {
    assertEquals(1, execute("--bootstrap-server", "localhost:9092"));
    assertEquals("Error: TOPIC_ALREADY_EXISTS: topic 'a' already exists" + System.lineSeparator(), err.toString());
  }

  @Test
  void printsTheStackTraceOnlyWhenVerbose() {
    assertEquals(1, execute("--bootstrap-server", "localhost:9092", "--verbose"));
    assertTrue(err.toString().startsWith("Error: TOPIC_ALREADY_EXISTS"), err.toString());
    assertTrue(err.toString().contains("\tat io.rafka.tools.ToolErrorHandlerTest$FailingCommand.call"),
        err.toString());
  }

  @Test
  void aSubcommandPrintsTheStackTraceWhenVerbose() {
    CommandLine commandLine = ToolLauncher.commandLine(new Suite());
    commandLine.setErr(new PrintWriter(err));
    assertEquals(1, commandLine.execute("failing", "--bootstrap-server", "localhost:9092", "--verbose"));
    assertTrue(err.toString().contains("\tat io.rafka.tools.ToolErrorHandlerTest$FailingCommand.call"),
        err.toString());
  }

  @Test
  void unwrapsFutureExceptions() {
    IllegalStateException cause = new IllegalStateException("x");
    assertSame(cause, ToolErrorHandler.unwrap(new CompletionException(new ExecutionException(cause))));
    CompletionException withoutCause = new CompletionException("no cause", null);
    assertSame(withoutCause, ToolErrorHandler.unwrap(withoutCause));
  }

  @Test
  void namesTheTypeOfAnErrorWithoutMessage() {
    assertEquals("NullPointerException", ToolErrorHandler.message(new NullPointerException()));
    assertEquals("boom", ToolErrorHandler.message(new IllegalStateException("boom")));
  }

  @Test
  void keepsOnlyTheFirstLineOfAMessageThatCarriesAStackTrace() {
    String grpcStyle = "call to listTopics failed: Status{code=UNAVAILABLE, description=io exception\n"
        + "Caused by: java.net.ConnectException: Connection refused\n\tat io.grpc.Foo.bar(Foo.java:1)\n}";
    assertEquals("call to listTopics failed: Status{code=UNAVAILABLE, description=io exception",
        ToolErrorHandler.message(new IllegalStateException(grpcStyle)));
  }
}
