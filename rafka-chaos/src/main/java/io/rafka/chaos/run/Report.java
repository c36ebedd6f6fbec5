package io.rafka.chaos.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a run's report: summary.txt (the checker's summary, the harness's own checks, anything that broke
 * the run, and one final "N passed, M failed" line over all of them) and result.json; prints the summary.
 */
final class Report {
  private Report() {}

  static void write(ChaosRun.Outcome outcome) throws IOException {
    String text = text(outcome);
    Files.writeString(outcome.dir().resolve("summary.txt"), text);
    Files.writeString(outcome.dir().resolve("result.json"), json(outcome));
    System.out.print(text);
    if (!outcome.passed()) {
      System.out.println("chaos: FAILED; history, node logs and data dirs are kept in " + outcome.dir());
    }
  }

  static String text(ChaosRun.Outcome o) {
    StringBuilder s = new StringBuilder();
    String checker = o.result().summary();
    // The checker ends with its own tally; the run's tally below also counts the harness's checks.
    s.append(checker, 0, checker.stripTrailing().lastIndexOf('\n') + 1);
    s.append("Harness checks:\n");
    for (HarnessChecks.Verdict v : o.verdicts()) {
      s.append("  ").append(v.passed() ? "ok     " : "FAILED ").append(v.name())
          .append(v.availability() ? " [availability]" : "").append('\n');
      v.problems().stream().limit(10).forEach(p -> s.append("           ").append(p).append('\n'));
    }
    if (!o.harnessFailures().isEmpty()) {
      s.append("The run itself failed:\n");
      o.harnessFailures().forEach(f -> s.append("  ").append(f).append('\n'));
    }
    s.append("Run dir: ").append(o.dir()).append('\n');
    s.append(passed(o)).append(" passed, ").append(failed(o)).append(" failed\n");
    return s.toString();
  }

  static int passed(ChaosRun.Outcome o) {
    return o.result().checksPassed() + (int) o.verdicts().stream().filter(HarnessChecks.Verdict::passed).count();
  }

  static int failed(ChaosRun.Outcome o) {
    return o.result().checksFailed() + (int) o.verdicts().stream().filter(v -> !v.passed()).count()
        + (o.harnessFailures().isEmpty() ? 0 : 1);
  }

  private static String json(ChaosRun.Outcome o) {
    JsonObject root = JsonParser.parseString(o.result().toJson()).getAsJsonObject();
    JsonArray harness = new JsonArray();
    for (HarnessChecks.Verdict v : o.verdicts()) {
      JsonObject j = new JsonObject();
      j.addProperty("check", v.name());
      j.addProperty("passed", v.passed());
      JsonArray problems = new JsonArray();
      v.problems().forEach(problems::add);
      j.add("problems", problems);
      harness.add(j);
    }
    root.add("harnessChecks", harness);
    JsonArray failures = new JsonArray();
    o.harnessFailures().forEach(failures::add);
    root.add("runFailures", failures);
    root.addProperty("passedChecks", passed(o));
    root.addProperty("failedChecks", failed(o));
    root.addProperty("passed", o.passed());
    return root.toString();
  }
}
