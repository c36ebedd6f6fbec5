package io.rafka.tools;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonSerializer;
import io.rafka.client.errors.RafkaException;

/**
 * Stateless and thread-safe: the {@code --json} output of {@code rafka-admin.sh}. The client's model records
 * are written field by field under their component names (so the JSON follows the Java API), -1 standing for
 * "unknown" as there; an error is written as its code and message.
 */
final class AdminJson {
  private static final Gson GSON = new GsonBuilder()
      .setPrettyPrinting()
      .disableHtmlEscaping()
      .serializeNulls()
      .registerTypeHierarchyAdapter(RafkaException.class, (JsonSerializer<RafkaException>) (e, type, context) -> {
        JsonObject error = new JsonObject();
        error.addProperty("code", e.code().name());
        error.addProperty("message", e.getMessage());
        return error;
      })
      .create();

  private AdminJson() {}

  static String toJson(Object model) {
    return GSON.toJson(model);
  }
}
