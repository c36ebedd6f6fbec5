package io.rafka.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Bad {@code rafka-admin.sh} command lines are refused before any client is made (so no server is needed):
 * exit code 2 and one line on standard error that says what is wrong and where to look.
 */
class AdminCommandUsageTest {
  private static final String SERVER = "--bootstrap-server=127.0.0.1:1";
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  private int execute(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine commandLine = AdminCommand.commandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    return commandLine.execute(args);
  }

  /** Exit 2, and exactly one line on standard error: the expected message and the help hint. */
  private void assertRefused(String expectedMessage, String helpOf, String... args) {
    assertEquals(2, execute(args), err.toString());
    String stderr = err.toString();
    assertEquals(1, stderr.lines().count(), stderr);
    assertTrue(stderr.startsWith("Error: "), stderr);
    assertTrue(stderr.contains(expectedMessage), stderr);
    assertTrue(stderr.strip().endsWith("(see '" + helpOf + " --help')"), stderr);
    assertEquals("", out.toString());
  }

  @Test
  void aNodeCommandNeedsItsNode() {
    assertRefused("Missing required option: '--node=ID'", "rafka-admin.sh nodes decommission",
        "nodes", "decommission", SERVER);
  }

  @Test
  void everyLeafNeedsTheBootstrapServer() {
    assertRefused("Missing required option: '--bootstrap-server", "rafka-admin.sh cluster status",
        "cluster", "status");
  }

  @Test
  void aNodeIdMustBeANumber() {
    assertRefused("Invalid value for option '--node': 'three' is not an int", "rafka-admin.sh nodes remove",
        "nodes", "remove", SERVER, "--node", "three");
  }

  @Test
  void aNodeIdMustBePositive() {
    assertRefused("--node must be a node id (at least 1), was 0", "rafka-admin.sh metadata voters add",
        "metadata", "voters", "add", SERVER, "--node=0");
    assertRefused("--to must be a node id (at least 1), was -2", "rafka-admin.sh partitions transfer-leader",
        "partitions", "transfer-leader", SERVER, "--topic=t", "--partition=0", "--to=-2");
  }

  @Test
  void anUnknownSubcommandListsTheKnownOnes() {
    assertRefused("unknown subcommand 'drain'; expected one of: list, decommission, remove",
        "rafka-admin.sh nodes", "nodes", "drain", "--node=1");
    assertRefused("unknown subcommand 'brokers'; expected one of: cluster, nodes, partitions, metadata, plan",
        "rafka-admin.sh", "brokers");
  }

  @Test
  void aMissingSubcommandListsThem() {
    assertRefused("Missing required subcommand; expected one of: add-node, remove-node", "rafka-admin.sh plan",
        "plan");
    assertRefused("Missing required subcommand; expected one of: voters", "rafka-admin.sh metadata", "metadata");
  }

  @Test
  void anUnknownOptionIsNamedWithASuggestion() {
    assertRefused("Unknown option: '--aply'; did you mean --apply?", "rafka-admin.sh plan add-node", "plan",
        "add-node", SERVER, "--node=4", "--aply");
  }

  @Test
  void aPartitionIsATopicAndANonNegativeIndex() {
    assertRefused("Missing required option: '--topic=TOPIC'", "rafka-admin.sh partitions describe",
        "partitions", "describe", SERVER, "--partition=0");
    assertRefused("--partition must be at least 0, was -1", "rafka-admin.sh partitions describe",
        "partitions", "describe", SERVER, "--topic=t", "--partition=-1");
    assertRefused("Invalid value for option '--partition': 'x' is not an int",
        "rafka-admin.sh partitions add-replica", "partitions", "add-replica", SERVER, "--topic=t",
        "--partition=x", "--node=1");
    assertRefused("--topic must not be empty", "rafka-admin.sh partitions remove-replica",
        "partitions", "remove-replica", SERVER, "--topic=", "--partition=0", "--node=1");
  }

  @Test
  void electPreferredNeedsATopicForAPartition() {
    assertRefused("--partition needs --topic", "rafka-admin.sh partitions elect-preferred",
        "partitions", "elect-preferred", SERVER, "--partition=1");
  }

  @Test
  void replaceNeedsTwoDifferentNodes() {
    assertRefused("Missing required option: '--new=ID'", "rafka-admin.sh metadata voters replace",
        "metadata", "voters", "replace", SERVER, "--old=1");
    assertRefused("--old and --new must be different nodes, both were 2", "rafka-admin.sh metadata voters replace",
        "metadata", "voters", "replace", SERVER, "--old=2", "--new=2");
  }

  @Test
  void theTimeoutMustBePositive() {
    assertRefused("--timeout-ms must be at least 1, was 0", "rafka-admin.sh cluster status",
        "cluster", "status", SERVER, "--timeout-ms=0");
  }

  @Test
  void helpGoesToStandardOutputAndSucceeds() {
    assertEquals(0, execute("nodes", "remove", "--help"));
    assertTrue(out.toString().contains("--force"), out.toString());
    assertTrue(out.toString().contains("--json"), out.toString());
    assertEquals("", err.toString());
  }
}
