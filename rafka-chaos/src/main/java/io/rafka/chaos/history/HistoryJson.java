package io.rafka.chaos.history;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of events and final reads, one object per line. Written field by field rather than by
 * reflection so that an absent number reads as {@link HistoryEvent#NONE} (not Gson's 0, which is a real
 * partition and offset) and a wrong field is named in the error. Stateless and thread-safe.
 */
final class HistoryJson {
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private HistoryJson() {}

  static String toLine(HistoryEvent event) {
    JsonObject json = new JsonObject();
    json.addProperty("time", event.time());
    json.addProperty("process", event.process());
    json.addProperty("type", event.type().jsonName());
    json.addProperty("f", event.f().jsonName());
    json.addProperty("partition", event.partition());
    addIfPresent(json, "value", event.value());
    json.addProperty("offset", event.offset());
    if (!event.reads().isEmpty() || (event.f() == OperationKind.READ && event.type() == EventType.OK)) {
      json.add("reads", records(event.reads()));
    }
    addIfPresent(json, "group", event.group());
    addIfPresent(json, "member", event.member());
    json.addProperty("node", event.node());
    addIfPresent(json, "error", event.error());
    addIfPresent(json, "fault", event.fault());
    return GSON.toJson(json);
  }

  static String toLine(FinalRead read) {
    JsonObject json = new JsonObject();
    json.addProperty("partition", read.partition());
    json.addProperty("node", read.node());
    json.add("records", records(read.records()));
    return GSON.toJson(json);
  }

  /** The event on {@code line}; {@link IllegalArgumentException} saying what is wrong with it. */
  static HistoryEvent eventFrom(String line) {
    JsonObject json = object(line);
    return new HistoryEvent(
        requiredLong(json, "time"),
        requiredString(json, "process"),
        EventType.fromJsonName(requiredString(json, "type")),
        OperationKind.fromJsonName(requiredString(json, "f")),
        optionalInt(json, "partition"),
        optionalString(json, "value"),
        optionalLong(json, "offset"),
        json.has("reads") ? records(json.get("reads"), "reads") : List.of(),
        optionalString(json, "group"),
        optionalString(json, "member"),
        optionalInt(json, "node"),
        optionalString(json, "error"),
        optionalString(json, "fault"));
  }

  /** The final read on {@code line}; {@link IllegalArgumentException} saying what is wrong with it. */
  static FinalRead finalReadFrom(String line) {
    JsonObject json = object(line);
    if (!json.has("records")) {
      throw new IllegalArgumentException("field 'records' is missing");
    }
    return new FinalRead(requiredInt(json, "partition"), requiredInt(json, "node"),
        records(json.get("records"), "records"));
  }

  private static JsonObject object(String line) {
    JsonElement element;
    try {
      element = JsonParser.parseString(line);
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("malformed JSON: " + e.getMessage(), e);
    }
    if (!element.isJsonObject()) {
      throw new IllegalArgumentException("expected a JSON object");
    }
    return element.getAsJsonObject();
  }

  private static JsonArray records(List<OffsetValue> records) {
    JsonArray array = new JsonArray();
    for (OffsetValue record : records) {
      JsonObject json = new JsonObject();
      json.addProperty("offset", record.offset());
      json.addProperty("value", record.value());
      array.add(json);
    }
    return array;
  }

  private static List<OffsetValue> records(JsonElement element, String field) {
    if (!element.isJsonArray()) {
      throw new IllegalArgumentException("field '" + field + "' must be an array");
    }
    List<OffsetValue> records = new ArrayList<>();
    for (JsonElement item : element.getAsJsonArray()) {
      if (!item.isJsonObject()) {
        throw new IllegalArgumentException("field '" + field + "' must hold {offset, value} objects");
      }
      JsonObject record = item.getAsJsonObject();
      records.add(new OffsetValue(requiredLong(record, "offset"), requiredString(record, "value")));
    }
    return records;
  }

  private static void addIfPresent(JsonObject json, String field, String value) {
    if (value != null) {
      json.addProperty(field, value);
    }
  }

  private static String requiredString(JsonObject json, String field) {
    String value = optionalString(json, field);
    if (value == null) {
      throw new IllegalArgumentException("field '" + field + "' is missing");
    }
    return value;
  }

  private static String optionalString(JsonObject json, String field) {
    JsonElement element = json.get(field);
    if (element == null || element.isJsonNull()) {
      return null;
    }
    if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) {
      throw new IllegalArgumentException("field '" + field + "' must be a string");
    }
    return element.getAsString();
  }

  private static long requiredLong(JsonObject json, String field) {
    if (!json.has(field) || json.get(field).isJsonNull()) {
      throw new IllegalArgumentException("field '" + field + "' is missing");
    }
    return optionalLong(json, field);
  }

  private static int requiredInt(JsonObject json, String field) {
    if (!json.has(field) || json.get(field).isJsonNull()) {
      throw new IllegalArgumentException("field '" + field + "' is missing");
    }
    return optionalInt(json, field);
  }

  private static long optionalLong(JsonObject json, String field) {
    JsonElement element = json.get(field);
    if (element == null || element.isJsonNull()) {
      return HistoryEvent.NONE;
    }
    if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isNumber()) {
      throw new IllegalArgumentException("field '" + field + "' must be a number");
    }
    try {
      return new BigDecimal(element.getAsString()).longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("field '" + field + "' must be a whole number, got " + element, e);
    }
  }

  private static int optionalInt(JsonObject json, String field) {
    long value = optionalLong(json, field);
    if (value != (int) value) {
      throw new IllegalArgumentException("field '" + field + "' is out of range: " + value);
    }
    return (int) value;
  }
}
