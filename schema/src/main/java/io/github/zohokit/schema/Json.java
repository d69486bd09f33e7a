package io.github.zohokit.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Strict reading of snapshot JSON: each failure names the file and the key path, and what was expected. */
final class Json {
  private Json() {}

  static void onlyKeys(JsonNode object, String where, Set<String> allowed) {
    List<String> unknown = new ArrayList<>();
    object.fieldNames().forEachRemaining(name -> {
      if (!allowed.contains(name)) {
        unknown.add(name);
      }
    });
    if (!unknown.isEmpty()) {
      throw new SchemaException(where + ": unknown key " + String.join(", ", unknown) + " (expected only "
          + String.join(", ", new java.util.TreeSet<>(allowed)) + "). Fix the file or fetch it again with "
          + "mvn zoho:schema");
    }
  }

  static String text(JsonNode object, String key, String where, boolean required) {
    JsonNode value = object.get(key);
    if (value == null || value.isNull()) {
      if (required) {
        throw new SchemaException(where + "." + key + ": missing (a string is required)");
      }
      return null;
    }
    if (!value.isTextual()) {
      throw wrong(where + "." + key, "a string", value);
    }
    return value.asText();
  }

  static boolean bool(JsonNode object, String key, String where) {
    Boolean value = optionalBool(object, key, where);
    return value != null && value;
  }

  static Boolean optionalBool(JsonNode object, String key, String where) {
    JsonNode value = object.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      throw wrong(where + "." + key, "true or false", value);
    }
    return value.asBoolean();
  }

  static Integer integer(JsonNode object, String key, String where) {
    JsonNode value = object.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw wrong(where + "." + key, "a whole number", value);
    }
    return value.asInt();
  }

  static JsonNode object(JsonNode object, String key, String where) {
    JsonNode value = object.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      throw wrong(where + "." + key, "an object", value);
    }
    return value;
  }

  static JsonNode array(JsonNode object, String key, String where) {
    JsonNode value = object.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isArray()) {
      throw wrong(where + "." + key, "an array", value);
    }
    return value;
  }

  static SchemaException wrong(String where, String expected, JsonNode found) {
    String shown = found.toString();
    if (shown.length() > 60) {
      shown = shown.substring(0, 57) + "...";
    }
    return new SchemaException(where + ": expected " + expected + ", found " + shown
        + ". Fix the file or fetch it again with mvn zoho:schema");
  }
}
