package io.gradgen.examples;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Locale;
import java.util.Map;

/**
 * The commands' JSON output, through Gson: keys escaped, numbers in full precision, and NaN or an
 * infinity written as {@code null} (JSON has no such numbers).
 */
final class Json {
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

  private Json() {}

  /** One JSON object of {@code values} (numbers, strings, booleans, nested maps), on one line. */
  static String object(Map<String, ?> values) {
    return GSON.toJson(tree(values));
  }

  private static JsonObject tree(Map<String, ?> values) {
    JsonObject object = new JsonObject();
    for (Map.Entry<String, ?> e : values.entrySet()) {
      object.add(e.getKey(), element(e.getValue()));
    }
    return object;
  }

  private static JsonElement element(Object value) {
    if (value == null) {
      return JsonNull.INSTANCE;
    }
    if (value instanceof Double d && !Double.isFinite(d)) {
      return JsonNull.INSTANCE;
    }
    if (value instanceof Number n) {
      return new JsonPrimitive(n);
    }
    if (value instanceof Boolean b) {
      return new JsonPrimitive(b);
    }
    if (value instanceof Map<?, ?> m) {
      JsonObject nested = new JsonObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        nested.add(String.valueOf(e.getKey()), element(e.getValue()));
      }
      return nested;
    }
    return new JsonPrimitive(value.toString());
  }

  /** A metric's display name as a JSON key: {@code "test accuracy"} → {@code test_accuracy}. */
  static String key(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
  }
}
