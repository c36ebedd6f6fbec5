package io.rafka.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * Bad command lines are usage errors (exit 2) found before any client is created, so these run without a
 * server.
 */
class CommandUsageTest {
  private static final String SERVER = "--bootstrap-server=localhost:9092";
  private final StringWriter err = new StringWriter();

  private int execute(Object command, String... args) {
    var commandLine = ToolLauncher.commandLine(command);
    commandLine.setErr(new PrintWriter(err));
    commandLine.setOut(new PrintWriter(new StringWriter()));
    return commandLine.execute(args);
  }

  private void assertUsageError(String expectedMessage, Object command, String... args) {
    assertEquals(2, execute(command, args), err.toString());
    assertTrue(err.toString().contains(expectedMessage), err.toString());
    assertTrue(err.toString().contains("Usage: "), err.toString());
  }

  @Test
  void topicsNeedsTheBootstrapServer() {
    assertUsageError("Missing required option: '--bootstrap-server", new TopicsCommand(), "--list");
  }

  @Test
  void topicsNeedsExactlyOneAction() {
    assertUsageError("Missing required argument (specify one of these)", new TopicsCommand(), SERVER);
    assertUsageError("mutually exclusive", new TopicsCommand(), SERVER, "--list", "--describe");
  }

  @Test
  void topicsCreateAndDeleteNeedATopic() {
    assertUsageError("Missing required option: '--topic=TOPIC'", new TopicsCommand(), SERVER, "--create");
    assertUsageError("Missing required option: '--topic=TOPIC'", new TopicsCommand(), SERVER, "--delete");
  }

  @Test
  void topicsCreateOptionsBelongToCreate() {
    assertUsageError("only used with --create", new TopicsCommand(), SERVER, "--describe", "--partitions=3");
    assertUsageError("only used with --create", new TopicsCommand(), SERVER, "--list", "--config=a=b");
    assertUsageError("--topic is not used with --list", new TopicsCommand(), SERVER, "--list", "--topic=t");
  }

  @Test
  void topicsRefusesNonPositiveCounts() {
    assertUsageError("--partitions must be at least 1, was 0", new TopicsCommand(), SERVER, "--create",
        "--topic=t", "--partitions=0");
    assertUsageError("--replication-factor must be at least 1, was -1", new TopicsCommand(), SERVER,
        "--create", "--topic=t", "--replication-factor=-1");
  }

  @Test
  void topicsRefusesAConfigWithoutEqualsSign() {
    assertUsageError("expected key=value but was 'retention.ms'", new TopicsCommand(), SERVER, "--create",
        "--topic=t", "--config", "retention.ms");
  }

  @Test
  void producerNeedsATopic() {
    assertUsageError("Missing required option: '--topic=TOPIC'", new ConsoleProducerCommand(), SERVER);
  }

  @Test
  void producerRefusesUnknownOrMalformedProperties() {
    assertUsageError("unknown --property 'print.key'", new ConsoleProducerCommand(), SERVER, "--topic=t",
        "--property", "print.key=true");
    assertUsageError("--property parse.key must be true or false, was 'yes'", new ConsoleProducerCommand(),
        SERVER, "--topic=t", "--property", "parse.key=yes");
    assertUsageError("--property key.separator must not be empty", new ConsoleProducerCommand(), SERVER,
        "--topic=t", "--property", "parse.key=true", "--property", "key.separator=");
  }

  @Test
  void consumerChecksItsStartFlags() {
    assertUsageError("--offset needs --partition", new ConsoleConsumerCommand(), SERVER, "--topic=t",
        "--offset=5");
    assertUsageError("--offset and --from-beginning cannot be used together", new ConsoleConsumerCommand(),
        SERVER, "--topic=t", "--partition=0", "--offset=5", "--from-beginning");
    assertUsageError("--offset must be earliest, latest or a non-negative number, was 'first'",
        new ConsoleConsumerCommand(), SERVER, "--topic=t", "--partition=0", "--offset=first");
    assertUsageError("--partition must be at least 0, was -1", new ConsoleConsumerCommand(), SERVER,
        "--topic=t", "--partition=-1");
  }

  @Test
  void consumerChecksItsLimits() {
    assertUsageError("--max-messages must be at least 1, was 0", new ConsoleConsumerCommand(), SERVER,
        "--topic=t", "--max-messages=0");
    assertUsageError("--timeout-ms must be at least 1, was 0", new ConsoleConsumerCommand(), SERVER,
        "--topic=t", "--timeout-ms=0");
    assertUsageError("Invalid value for option '--max-messages': 'many' is not a long", new ConsoleConsumerCommand(), SERVER, "--topic=t",
        "--max-messages=many");
  }

  @Test
  void consumerRefusesUnknownProperties() {
    assertUsageError("unknown --property 'parse.key'", new ConsoleConsumerCommand(), SERVER, "--topic=t",
        "--property", "parse.key=true");
  }

  @Test
  void producerRefusesAnUnknownCompressionCodec() {
    assertUsageError("compression type \"snappy\" is not supported: Rafka has no snappy codec; valid values are "
        + "none, lz4, zstd, gzip", new ConsoleProducerCommand(), SERVER, "--topic=t", "--compression-codec=snappy");
    assertUsageError("unknown compression type \"LZ4\"; valid values are none, lz4, zstd, gzip",
        new ConsoleProducerCommand(), SERVER, "--topic=t", "--compression-codec", "LZ4");
  }

  @Test
  void consumerGroupExcludesPartitionAndOffset() {
    String message = "--partition and --offset cannot be used with --group";
    assertUsageError(message, new ConsoleConsumerCommand(), SERVER, "--topic=t", "--group=g", "--partition=0");
    assertUsageError(message, new ConsoleConsumerCommand(), SERVER, "--topic=t", "--group=g", "--offset=5");
    assertUsageError(message, new ConsoleConsumerCommand(), SERVER, "--topic=t", "--group=g", "--partition=0",
        "--offset=earliest");
  }

  @Test
  void consumerGroupMustBeNamedAndAgreeWithGroupId() {
    assertUsageError("--group must not be empty", new ConsoleConsumerCommand(), SERVER, "--topic=t", "--group=");
    assertUsageError("--group 'g' and --consumer-property group.id=h disagree", new ConsoleConsumerCommand(),
        SERVER, "--topic=t", "--group=g", "--consumer-property", "group.id=h");
  }

  @Test
  void groupsNeedsExactlyOneAction() {
    assertUsageError("Missing required argument (specify one of these)", new ConsumerGroupsCommand(), SERVER);
    assertUsageError("mutually exclusive", new ConsumerGroupsCommand(), SERVER, "--list", "--describe");
    assertUsageError("mutually exclusive", new ConsumerGroupsCommand(), SERVER, "--describe", "--reset-offsets",
        "--group=g");
  }

  @Test
  void groupsNeedsAGroupToDescribeOrResetAndNoneToList() {
    assertUsageError("Missing required option: '--group=GROUP'", new ConsumerGroupsCommand(), SERVER, "--describe");
    assertUsageError("Missing required option: '--group=GROUP'", new ConsumerGroupsCommand(), SERVER,
        "--reset-offsets", "--all-topics", "--to-earliest");
    assertUsageError("--group is not used with --list", new ConsumerGroupsCommand(), SERVER, "--list", "--group=g");
    assertUsageError("--group must not be empty", new ConsumerGroupsCommand(), SERVER, "--describe", "--group=");
    assertUsageError("should be specified only once", new ConsumerGroupsCommand(), SERVER, "--describe",
        "--group=g", "--group=h");
  }

  @Test
  void groupsDescribeViewsBelongToDescribeAndExcludeEachOther() {
    assertUsageError("--offsets, --members and --state are only used with --describe", new ConsumerGroupsCommand(),
        SERVER, "--list", "--members");
    assertUsageError("--offsets, --members and --state are only used with --describe", new ConsumerGroupsCommand(),
        SERVER, "--reset-offsets", "--group=g", "--all-topics", "--to-latest", "--state");
    assertUsageError("mutually exclusive", new ConsumerGroupsCommand(), SERVER, "--describe", "--group=g",
        "--members", "--state");
  }

  @Test
  void groupsResetOptionsBelongToReset() {
    String message = "are only used with --reset-offsets";
    assertUsageError(message, new ConsumerGroupsCommand(), SERVER, "--describe", "--group=g", "--topic=t");
    assertUsageError(message, new ConsumerGroupsCommand(), SERVER, "--describe", "--group=g", "--all-topics");
    assertUsageError(message, new ConsumerGroupsCommand(), SERVER, "--describe", "--group=g", "--to-earliest");
    assertUsageError(message, new ConsumerGroupsCommand(), SERVER, "--list", "--execute");
  }

  @Test
  void groupsResetNeedsPartitionsAndOneTarget() {
    assertUsageError("--reset-offsets needs --topic or --all-topics", new ConsumerGroupsCommand(), SERVER,
        "--reset-offsets", "--group=g", "--to-earliest");
    assertUsageError("--topic and --all-topics cannot be used together", new ConsumerGroupsCommand(), SERVER,
        "--reset-offsets", "--group=g", "--topic=t", "--all-topics", "--to-earliest");
    assertUsageError("--reset-offsets needs one of --to-earliest, --to-latest, --to-offset, --to-datetime or "
        + "--shift-by", new ConsumerGroupsCommand(), SERVER, "--reset-offsets", "--group=g", "--topic=t");
    assertUsageError("mutually exclusive", new ConsumerGroupsCommand(), SERVER, "--reset-offsets", "--group=g",
        "--topic=t", "--to-earliest", "--shift-by", "-2");
    assertUsageError("mutually exclusive", new ConsumerGroupsCommand(), SERVER, "--reset-offsets", "--group=g",
        "--topic=t", "--to-latest", "--dry-run", "--execute");
  }

  @Test
  void groupsResetRefusesMalformedValues() {
    assertUsageError("expected TOPIC or TOPIC:P1,P2,... with partitions as non-negative numbers, but 't:x' has 'x'",
        new ConsumerGroupsCommand(), SERVER, "--reset-offsets", "--group=g", "--topic=t:x", "--to-earliest");
    assertUsageError("--to-datetime must be a valid time in the form 2024-01-31T13:45:00.000",
        new ConsumerGroupsCommand(), SERVER, "--reset-offsets", "--group=g", "--topic=t",
        "--to-datetime=2024-01-31");
    assertUsageError("Invalid value for option '--shift-by'", new ConsumerGroupsCommand(), SERVER,
        "--reset-offsets", "--group=g", "--topic=t", "--shift-by=back");
    assertUsageError("Invalid value for option '--to-offset'", new ConsumerGroupsCommand(), SERVER,
        "--reset-offsets", "--group=g", "--topic=t", "--to-offset=1.5");
  }
}
