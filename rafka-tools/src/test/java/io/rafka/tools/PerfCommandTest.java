package io.rafka.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Bad {@code rafka-perf.sh} command lines are usage errors (exit 2) found before any client is created. */
class PerfCommandTest {
  private static final String SERVER = "--bootstrap-server=localhost:9092";
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int execute(String... args) {
    CommandLine commandLine = ToolLauncher.commandLine(new PerfCommand());
    commandLine.setErr(new PrintWriter(err));
    commandLine.setOut(new PrintWriter(out));
    return commandLine.execute(args);
  }

  private void assertUsageError(String expectedMessage, String... args) {
    assertEquals(2, execute(args), err.toString());
    assertTrue(err.toString().contains(expectedMessage), err.toString());
    assertTrue(err.toString().contains("Usage: "), err.toString());
  }

  /** A produce command line with every required option, then {@code more}. */
  private static String[] produce(String numRecords, String recordSize, String throughput, String... more) {
    String[] base = {"produce", SERVER, "--topic=t", "--num-records=" + numRecords, "--record-size=" + recordSize,
        "--throughput=" + throughput};
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return args;
  }

  @Test
  void needsASubcommand() {
    assertUsageError("Missing required subcommand");
  }

  @Test
  void helpListsBothSubcommands() {
    assertEquals(0, execute("--help"));
    assertTrue(out.toString().contains("produce"), out.toString());
    assertTrue(out.toString().contains("consume"), out.toString());
  }

  @Test
  void produceNeedsItsOptions() {
    assertUsageError("Missing required options: '--topic=TOPIC', '--num-records=N', '--record-size=BYTES', "
        + "'--throughput=RECORDS/SEC'", "produce", SERVER);
  }

  @Test
  void produceChecksItsNumbers() {
    assertUsageError("--num-records must be at least 1, was 0", produce("0", "100", "-1"));
    assertUsageError("--record-size must be at least 1, was 0", produce("10", "0", "-1"));
    assertUsageError("--throughput must be a positive number of records per second, or -1 for no limit, was 0.0",
        produce("10", "100", "0"));
    assertUsageError("--print-interval-ms must be at least 1, was 0",
        produce("10", "100", "-1", "--print-interval-ms=0"));
  }

  @Test
  void produceTakesSeveralProducerPropsAfterOneFlag() {
    PerfCommand perf = new PerfCommand();
    CommandLine commandLine = ToolLauncher.commandLine(perf);
    commandLine.parseArgs(produce("10", "100", "-1", "--producer-props", "batch.size=1000", "linger.ms=5",
        "--payload-seed=7"));
    ProducePerfCommand produce = commandLine.getSubcommands().get("produce").getCommand();
    assertEquals(List.of(new KeyValue("batch.size", "1000"), new KeyValue("linger.ms", "5")), produce.producerProps);
    assertEquals(7L, produce.payloadSeed);
  }

  @Test
  void produceRefusesAPropWithoutEqualsSign() {
    assertUsageError("expected key=value but was 'linger.ms'", produce("10", "100", "-1", "--producer-props",
        "linger.ms"));
  }

  @Test
  void consumeChecksItsNumbers() {
    assertUsageError("Missing required options: '--topic=TOPIC', '--messages=N'", "consume", SERVER);
    assertUsageError("--messages must be at least 1, was 0", "consume", SERVER, "--topic=t", "--messages=0");
    assertUsageError("--timeout-ms must be at least 1, was 0", "consume", SERVER, "--topic=t", "--messages=1",
        "--timeout-ms=0");
    assertUsageError("--print-interval-ms must be at least 1, was -5", "consume", SERVER, "--topic=t",
        "--messages=1", "--print-interval-ms=-5");
  }
}
