package io.rafka.chaos.run;

import java.nio.file.Path;
import io.rafka.chaos.nemesis.FaultKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/rafka-chaos.sh}: runs the CI suite or a soak against real node processes and prints the verdict. */
@Command(name = "rafka-chaos.sh", mixinStandardHelpOptions = true,
    description = "Runs Rafka nodes as real processes under injected faults (kills, pauses, network partitions, "
        + "membership changes) while producers, readers and a consumer group work, then checks the history: "
        + "nothing acknowledged lost, one order per partition, no duplicates, no phantoms. Exit code 0 = passed.")
public final class ChaosMain implements Callable<Integer> {
  @Option(names = "--nodes", defaultValue = "5", description = "Nodes that run (one more is the spare a "
      + "membership change adds; default: ${DEFAULT-VALUE}).")
  int nodes;

  @Option(names = "--duration", defaultValue = "30m", converter = DurationConverter.class,
      description = "How long the soak injects faults, e.g. 30m, 90s (default: ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(names = "--seed", description = "Seed for every random choice (default: the current time).")
  Long seed;

  @Option(names = "--partitions", defaultValue = "6", description = "Partitions of the test topic (default: "
      + "${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--rate", defaultValue = "300", description = "Records per second the producers write "
      + "together (default: ${DEFAULT-VALUE}).")
  int rate;

  @Option(names = "--ci", description = "Run the CI fault list (every fault kind, one at a time) instead of a "
      + "timed soak.")
  boolean ci;

  @Option(names = "--network", defaultValue = "auto", converter = NetworkConverter.class,
      description = "auto, loopback or namespaces: namespaces runs each node in a network namespace of its own and "
          + "adds real partitions made of iptables rules (root, ip and iptables needed); auto uses them when it "
          + "can (default: ${DEFAULT-VALUE}).")
  ChaosOptions.Network network;

  @Option(names = "--faults", split = ",", paramLabel = "KIND", description = "Run these faults one after "
      + "another instead of the CI list or a soak, e.g. truncate_follower_log,kill_leader; kinds: "
      + "${COMPLETION-CANDIDATES}.", converter = FaultKindConverter.class, completionCandidates = FaultKinds.class)
  List<FaultKind> faults = new ArrayList<>();

  @Option(names = "--dir", description = "Run directory (default: chaos-runs/<seed> under the repository).")
  Path dir;

  @Option(names = "--repo", defaultValue = ".", description = "The Rafka checkout to run (default: the "
      + "current directory).")
  Path repo;

  @Override
  public Integer call() throws Exception {
    long s = seed != null ? seed : System.currentTimeMillis();
    Path root = repo.toAbsolutePath().normalize();
    Path runDir = dir != null ? dir.toAbsolutePath() : root.resolve("chaos-runs").resolve(Long.toString(s));
    ChaosRun.Outcome outcome = ChaosRun.run(new ChaosOptions(root, runDir, nodes, partitions, s, duration, !ci,
        rate, network, faults));
    return outcome.passed() ? 0 : 1;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new ChaosMain()).execute(args));
  }

  /** A fault kind's name in any case. */
  static final class FaultKindConverter implements CommandLine.ITypeConverter<FaultKind> {
    @Override
    public FaultKind convert(String value) {
      try {
        return FaultKind.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException("not a fault kind: " + value + " (one of "
            + String.join(", ", new FaultKinds()) + ")");
      }
    }
  }

  /** The fault kinds' names, lower case, for help and errors. */
  static final class FaultKinds extends ArrayList<String> {
    FaultKinds() {
      for (FaultKind kind : FaultKind.values()) {
        add(kind.name().toLowerCase(java.util.Locale.ROOT));
      }
    }
  }

  /** "auto", "loopback" or "namespaces", in any case. */
  static final class NetworkConverter implements CommandLine.ITypeConverter<ChaosOptions.Network> {
    @Override
    public ChaosOptions.Network convert(String value) {
      try {
        return ChaosOptions.Network.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException("not a network: " + value
            + " (use auto, loopback or namespaces)");
      }
    }
  }

  /** "30m", "90s", "2h" or an ISO-8601 duration. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String v = value.trim().toLowerCase(java.util.Locale.ROOT);
      if (v.startsWith("p")) {
        return Duration.parse(value);
      }
      long n;
      try {
        n = Long.parseLong(v.substring(0, Math.max(0, v.length() - 1)));
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException("not a duration: " + value + " (use e.g. 90s, 30m, 2h)");
      }
      return switch (v.charAt(v.length() - 1)) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        default -> throw new CommandLine.TypeConversionException("not a duration: " + value
            + " (use e.g. 90s, 30m, 2h)");
      };
    }
  }
}
