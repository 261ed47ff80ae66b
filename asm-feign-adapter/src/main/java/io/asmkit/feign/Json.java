package io.asmkit.feign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** The one Jackson mapper of the adapter: tolerant of unknown fields, compact on output. */
final class Json {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true);

  private Json() {}

  /** Writes fields as a compact JSON object. */
  static String write(Map<String, ?> fields) {
    try {
      return MAPPER.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The fields cannot be written as JSON", e);
    }
  }

  /** A string as a JSON string literal, quotes included. */
  static String quote(String text) {
    try {
      return MAPPER.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The text cannot be written as JSON", e);
    }
  }

  /** Reads JSON text, or returns {@code null} when it is blank or not JSON. */
  static JsonNode readOrNull(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** Turns a JSON object into plain Java values (String, Number, Boolean, List, Map, null). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> toMap(JsonNode object) {
    return MAPPER.convertValue(object, Map.class);
  }
}
