package io.rafka.chaos.check;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.rafka.chaos.history.EventType;
import io.rafka.chaos.history.OperationKind;

/**
 * The JSON form of a {@link CheckResult}, built field by field so that its names are stable whatever the Java
 * classes are called: {@code valid}, {@code passed}, {@code failed}, {@code run}, {@code anomalies},
 * {@code operations}, {@code faults}, {@code okProducesPerSecond}, {@code produceLatency}. Stateless and
 * thread-safe.
 */
final class ResultJson {
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private ResultJson() {}

  static String of(CheckResult result) {
    JsonObject json = new JsonObject();
    json.addProperty("valid", result.valid());
    json.addProperty("passed", result.checksPassed());
    json.addProperty("failed", result.checksFailed());
    json.add("run", run(result.run()));
    json.add("anomalies", anomalies(result));
    Statistics statistics = result.statistics();
    json.add("operations", operations(statistics.operations()));
    json.add("faults", faults(statistics));
    JsonArray perSecond = new JsonArray();
    statistics.okProducesPerSecond().forEach(perSecond::add);
    json.add("okProducesPerSecond", perSecond);
    JsonObject latency = new JsonObject();
    statistics.produceLatency().forEach((phase, summary) -> latency.add(phase.name(), latency(summary)));
    json.add("produceLatency", latency);
    return GSON.toJson(json);
  }

  private static JsonObject run(RunInfo run) {
    JsonObject json = new JsonObject();
    if (run.seed().isPresent()) {
      json.addProperty("seed", run.seed().getAsLong());
    }
    json.addProperty("nodes", run.nodes());
    json.addProperty("partitions", run.partitions());
    json.addProperty("durationMillis", run.durationMillis());
    return json;
  }

  private static JsonObject anomalies(CheckResult result) {
    JsonObject json = new JsonObject();
    result.counts().forEach((anomaly, count) -> {
      JsonObject entry = new JsonObject();
      entry.addProperty("count", count);
      JsonArray examples = new JsonArray();
      result.examples(anomaly).forEach(examples::add);
      entry.add("examples", examples);
      json.add(anomaly.name(), entry);
    });
    return json;
  }

  private static JsonObject operations(OperationCounts counts) {
    JsonObject json = new JsonObject();
    for (OperationKind f : OperationKind.values()) {
      JsonObject byType = new JsonObject();
      for (EventType type : EventType.values()) {
        byType.addProperty(type.jsonName(), counts.count(f, type));
      }
      json.add(f.jsonName(), byType);
    }
    return json;
  }

  /** Each fault with its window and unavailability. */
  private static JsonArray faults(Statistics statistics) {
    JsonArray json = new JsonArray();
    for (FaultUnavailability unavailability : statistics.unavailability()) {
      FaultWindow fault = unavailability.fault();
      JsonObject entry = new JsonObject();
      entry.addProperty("fault", fault.fault());
      entry.addProperty("start", fault.start());
      entry.addProperty("end", fault.end());
      entry.addProperty("healed", fault.healed());
      entry.addProperty("unavailabilityP50Millis", unavailability.p50Millis());
      entry.addProperty("unavailabilityMaxMillis", unavailability.maxMillis());
      JsonObject byPartition = new JsonObject();
      unavailability.millisByPartition().forEach((partition, millis) ->
          byPartition.addProperty(Integer.toString(partition), millis));
      entry.add("unavailabilityMillisByPartition", byPartition);
      JsonArray neverWritten = new JsonArray();
      unavailability.neverWritten().forEach(neverWritten::add);
      entry.add("neverWrittenAgain", neverWritten);
      json.add(entry);
    }
    return json;
  }

  private static JsonObject latency(LatencySummary summary) {
    JsonObject json = new JsonObject();
    json.addProperty("count", summary.count());
    json.addProperty("p50Millis", summary.p50Millis());
    json.addProperty("p99Millis", summary.p99Millis());
    json.addProperty("maxMillis", summary.maxMillis());
    return json;
  }
}
