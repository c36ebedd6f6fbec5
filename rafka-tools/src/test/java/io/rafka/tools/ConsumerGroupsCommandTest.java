package io.rafka.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** How the reset flags are read; parsing only, no client is made. */
class ConsumerGroupsCommandTest {
  private static ConsumerGroupsCommand parse(String... resetFlags) {
    ConsumerGroupsCommand command = new ConsumerGroupsCommand();
    String[] args = new String[resetFlags.length + 4];
    args[0] = "--bootstrap-server=localhost:9092";
    args[1] = "--reset-offsets";
    args[2] = "--group=g";
    args[3] = "--topic=t";
    System.arraycopy(resetFlags, 0, args, 4, resetFlags.length);
    new CommandLine(command).parseArgs(args);
    return command;
  }

  private static ResetSpec spec(String... resetFlags) {
    return parse(resetFlags).target.toSpec(ZoneOffset.UTC);
  }

  @Test
  void eachTargetFlagMakesItsSpec() {
    assertEquals(ResetSpec.EARLIEST, spec("--to-earliest"));
    assertEquals(ResetSpec.LATEST, spec("--to-latest"));
    assertEquals(ResetSpec.toOffset(17), spec("--to-offset", "17"));
    assertEquals(ResetSpec.shiftBy(-5), spec("--shift-by", "-5"));
    assertEquals(new ResetSpec(ResetSpec.Kind.DATETIME, Instant.parse("2024-03-01T10:00:00Z").toEpochMilli()),
        spec("--to-datetime", "2024-03-01T10:00:00.000"));
  }

  @Test
  void topicsRepeatAndMayNamePartitions() {
    ConsumerGroupsCommand command = parse("--topic", "u:1,0", "--to-latest");
    assertEquals(List.of(new TopicSelector("t", List.of()), new TopicSelector("u", List.of(1, 0))), command.topics);
  }
}
