package dev.nanoka.folder;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as the snapshot and journal need it: a value read with jackson-core's streaming parser,
 * and text written with its generator. jackson-databind's tree did the same, but its start-up
 * (the ObjectMapper and its deserializers) cost about 120 ms of every compile in javac's cold
 * JVM, a tenth of the processor's own time at 1,000 models (benchmark figure 1). The methods
 * behave as databind's {@code JsonNode} methods of the same name.
 */
final class JsonValue {

  static final JsonFactory FACTORY = new JsonFactory();

  private static final JsonValue MISSING = new JsonValue(null, true);
  private static final JsonValue NULL = new JsonValue(null, false);

  /** A {@code Map<String, JsonValue>}, {@code List<JsonValue>}, String, BigDecimal or Boolean. */
  private final Object value;
  private final boolean missing;

  private JsonValue(Object value, boolean missing) {
    this.value = value;
    this.missing = missing;
  }

  /**
   * Parses the first value of a document (an empty one is missing), as databind's
   * {@code readTree} does; a syntax error is a {@link JsonProcessingException}.
   */
  static JsonValue parse(String text) throws IOException {
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      return first == null ? MISSING : read(parser, first);
    }
  }

  /** Writes JSON formatted as drizzle-kit formats it: {@code JSON.stringify(value, null, 2)}. */
  static String write(Body body) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      generator.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
          .withObjectEmptySeparator("")
          .withArrayEmptySeparator(""))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n")));
      body.write(generator);
    } catch (IOException e) {
      throw new UncheckedIOException("JSON could not be written to a string", e);
    }
    return out.toString();
  }

  /** What {@link #write} writes, with a generator. */
  interface Body {
    void write(JsonGenerator generator) throws IOException;
  }

  /** The value starting at the parser's current token, {@code token}. */
  static JsonValue read(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT -> {
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          fields.put(name, read(parser, parser.nextToken()));
        }
        return new JsonValue(fields, false);
      }
      case START_ARRAY -> {
        List<JsonValue> elements = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          elements.add(read(parser, t));
        }
        return new JsonValue(elements, false);
      }
      case VALUE_STRING -> {
        return new JsonValue(parser.getText(), false);
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return new JsonValue(parser.getDecimalValue(), false);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new JsonValue(token == JsonToken.VALUE_TRUE, false);
      }
      case VALUE_NULL -> {
        return NULL;
      }
      default -> throw new JsonParseException(parser, "unexpected " + token);
    }
  }

  /** A value that is not there, as {@link #path} gives for a field that is not. */
  static JsonValue missing() {
    return MISSING;
  }

  /** The field's value; null when this is no object or has no such field. */
  JsonValue get(String field) {
    return value instanceof Map<?, ?> map ? (JsonValue) map.get(field) : null;
  }

  /** The field's value, or a missing value. */
  JsonValue path(String field) {
    JsonValue found = get(field);
    return found == null ? MISSING : found;
  }

  boolean isObject() {
    return value instanceof Map;
  }

  boolean isArray() {
    return value instanceof List;
  }

  boolean isNull() {
    return value == null && !missing;
  }

  boolean isBoolean() {
    return value instanceof Boolean;
  }

  boolean isNumber() {
    return value instanceof BigDecimal;
  }

  boolean booleanValue() {
    return Boolean.TRUE.equals(value);
  }

  BigDecimal decimalValue() {
    return value instanceof BigDecimal number ? number : BigDecimal.ZERO;
  }

  /** A string, number or boolean as text; "" for anything else. */
  String asText() {
    if (value instanceof BigDecimal number) {
      return number.toString();
    }
    return value instanceof String || value instanceof Boolean ? value.toString() : "";
  }

  /** Like {@link #asText()}, or {@code otherwise} when missing or null. */
  String asText(String otherwise) {
    return value == null ? otherwise : asText();
  }

  /** True for {@code true} and {@code "true"}, a non-zero number. */
  boolean asBoolean() {
    if (value instanceof BigDecimal number) {
      return number.signum() != 0;
    }
    return Boolean.TRUE.equals(value) || "true".equals(value);
  }

  /** A number (or a string holding one) as an int, else {@code otherwise}. */
  int asInt(int otherwise) {
    try {
      return value instanceof BigDecimal number ? number.intValueExact()
          : value instanceof String text ? Integer.parseInt(text.strip()) : otherwise;
    } catch (ArithmeticException | NumberFormatException e) {
      return otherwise;
    }
  }

  /** A number (or a string holding one) as a long, else 0. */
  long asLong() {
    try {
      return value instanceof BigDecimal number ? number.longValue()
          : value instanceof String text ? Long.parseLong(text.strip()) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The elements of an array or the values of an object, in order; none otherwise. */
  List<JsonValue> elements() {
    if (value instanceof List<?> list) {
      return list.stream().map(JsonValue.class::cast).toList();
    }
    if (value instanceof Map<?, ?> map) {
      return map.values().stream().map(JsonValue.class::cast).toList();
    }
    return List.of();
  }

  /** The fields of an object in order; none otherwise. */
  Map<String, JsonValue> fields() {
    if (value instanceof Map<?, ?> map) {
      Map<String, JsonValue> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put((String) k, (JsonValue) v));
      return out;
    }
    return Map.of();
  }

  int size() {
    return value instanceof List<?> list ? list.size()
        : value instanceof Map<?, ?> map ? map.size() : 0;
  }

  /** How databind prints a value in messages: a string quoted, a missing one as "". */
  @Override
  public String toString() {
    if (value instanceof String text) {
      return "\"" + text + "\"";
    }
    return value == null ? (missing ? "" : "null") : value.toString();
  }
}
