package dev.nanoka.processor.model;

import dev.nanoka.core.schema.ColumnDefault;
import dev.nanoka.core.schema.LogicalType;
import dev.nanoka.core.sql.StatementBreakpoints;
import dev.nanoka.processor.ModelMessages;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationValue;

/**
 * Turns {@code @Field(defaultValue = "…")} and {@code defaultFunction} into a column default,
 * checking that the value fits the column. A default the database would store differently from
 * what the Java type can read back is refused here, at compile time.
 */
public final class DefaultValueParser {

  /** Milliseconds "now" with sub-second precision; needs SQLite 3.42 (D1 has it). */
  static final String NOW_MILLIS = dev.nanoka.core.schema.OnRowUpdate.NOW_MILLIS;
  static final String NOW_SECONDS = dev.nanoka.core.schema.OnRowUpdate.NOW_SECONDS;

  private DefaultValueParser() {}

  /**
   * The default for a literal. Empty when the column type can't carry one (the caller warns).
   *
   * @param subject how messages name the column
   */
  public static Optional<ColumnDefault> literal(
      String subject, String text, ColumnMapping mapping, AnnotationValue at)
      throws InvalidModelException {
    JavaScalar scalar = mapping.scalar();
    return switch (scalar) {
      case STRING -> Optional.of(new ColumnDefault.Text(writableText(subject, text, at)));
      case UUID -> {
        if (!text.matches("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
          throw mismatch(
              subject, text, mapping, at, "not a UUID", "123e4567-e89b-12d3-a456-426614174000");
        }
        yield Optional.of(new ColumnDefault.Text(text.toLowerCase(java.util.Locale.ROOT)));
      }
      case ENUM -> {
        List<String> values = ((LogicalType.EnumText) mapping.type()).values();
        if (!values.contains(text)) {
          throw mismatch(
              subject,
              text,
              mapping,
              at,
              "not a constant of the enum (" + String.join(", ", values) + ")",
              values.get(0));
        }
        yield Optional.of(new ColumnDefault.Text(text));
      }
      case BYTE, SHORT, INT, LONG -> Optional.of(wholeNumber(subject, text, mapping, at));
      case FLOAT, DOUBLE ->
          Optional.of(new ColumnDefault.Number(decimal(subject, text, mapping, at)));
      case BOOLEAN -> {
        if (!text.equals("true") && !text.equals("false")) {
          throw mismatch(subject, text, mapping, at, "a boolean default is true or false", "false");
        }
        yield Optional.of(new ColumnDefault.Bool(Boolean.parseBoolean(text)));
      }
      case INSTANT -> Optional.of(instant(subject, text, mapping, at));
      case BIG_DECIMAL -> {
        decimal(subject, text, mapping, at);
        // Kept as written: 1.10 stays 1.10 in a text column.
        yield Optional.of(new ColumnDefault.Text(text));
      }
      case BYTES, JSON -> Optional.empty();
    };
  }

  /** The default for a {@code DefaultFunction} constant other than {@code NONE}. */
  public static ColumnDefault function(
      String subject, String function, ColumnMapping mapping, AnnotationValue at)
      throws InvalidModelException {
    if (function.equals("NOW")) {
      if (mapping.type() instanceof LogicalType.Timestamp timestamp) {
        return new ColumnDefault.Expression(
            timestamp.unit() == LogicalType.Timestamp.TimeUnit.SECONDS ? NOW_SECONDS : NOW_MILLIS);
      }
      throw new InvalidModelException(ModelMessages.defaultFunctionMismatch(
          function, subject, mapping.javaType(), "NOW is for Instant columns"), at);
    }
    if (mapping.scalar() == JavaScalar.UUID || mapping.scalar() == JavaScalar.STRING) {
      return new ColumnDefault.ClientFunction("crypto.randomUUID()");
    }
    throw new InvalidModelException(ModelMessages.defaultFunctionMismatch(
        function, subject, mapping.javaType(), "RANDOM_UUID is for UUID and String columns"), at);
  }

  /**
   * The text, if a migration file can carry it as a string literal that reads back the same.
   * Other characters (tabs, other control characters, any Unicode) go through the SQL file,
   * the snapshot's JSON and schema.ts unchanged.
   */
  private static String writableText(String subject, String text, AnnotationValue at)
      throws InvalidModelException {
    int marker = text.indexOf(StatementBreakpoints.MARKER);
    if (marker >= 0) {
      throw new InvalidModelException(ModelMessages.defaultUnsafeText(subject,
          "the text \"" + StatementBreakpoints.MARKER + "\"", marker,
          "drizzle's migrator and Nanoka's split a migration file into statements wherever it"
              + " appears, even inside a string literal"), at);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String why;
      if (c == '\0') {
        why = "SQLite stops reading a migration's SQL at it, in the middle of the statement";
      } else if (c == '\n' || c == '\r') {
        why = "the migration file would hold the line break as it is, and git or an editor"
            + " that converts line endings (\\n, \\r\\n) would change the default with it;"
            + " migration checksums ignore line endings, so nothing would notice";
      } else if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c)
          && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))
          && !(Character.isLowSurrogate(c) && i > 0
          && Character.isHighSurrogate(text.charAt(i - 1)))) {
        why = "half of a surrogate pair is no character, and UTF-8 files can't hold it";
      } else {
        continue;
      }
      throw new InvalidModelException(ModelMessages.defaultUnsafeText(subject,
          String.format("the character U+%04X", (int) c), i, why), at);
    }
    return text;
  }

  private static ColumnDefault wholeNumber(
      String subject, String text, ColumnMapping mapping, AnnotationValue at)
      throws InvalidModelException {
    JavaScalar scalar = mapping.scalar();
    long value;
    try {
      value = Long.parseLong(text);
    } catch (NumberFormatException e) {
      // Digits that don't fit a long are a whole number still, only too large.
      throw mismatch(subject, text, mapping, at, text.matches("[-+]?[0-9]+")
          ? "out of range for " + scalar.display() + " (" + scalar.min() + ".." + scalar.max() + ")"
          : "not a whole number", "0");
    }
    if (value < scalar.min() || value > scalar.max()) {
      throw mismatch(subject, text, mapping, at,
          "out of range for " + scalar.display() + " (" + scalar.min() + ".." + scalar.max() + ")",
          "0");
    }
    return new ColumnDefault.Number(Long.toString(value));
  }

  private static String decimal(
      String subject, String text, ColumnMapping mapping, AnnotationValue at)
      throws InvalidModelException {
    try {
      if (!text.strip().equals(text) || text.isEmpty()) {
        throw new NumberFormatException();
      }
      return new BigDecimal(text).toPlainString();
    } catch (NumberFormatException e) {
      throw mismatch(subject, text, mapping, at, "not a number", "0.0");
    }
  }

  private static ColumnDefault instant(
      String subject, String text, ColumnMapping mapping, AnnotationValue at)
      throws InvalidModelException {
    Instant instant;
    try {
      instant = Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw mismatch(subject, text, mapping, at,
          "not an ISO-8601 instant (for the current time use defaultFunction = NOW)",
          "2024-01-01T00:00:00Z");
    }
    boolean seconds =
        ((LogicalType.Timestamp) mapping.type()).unit() == LogicalType.Timestamp.TimeUnit.SECONDS;
    if (seconds && instant.getNano() != 0) {
      throw mismatch(subject, text, mapping, at,
          "the column stores whole seconds, this instant has a fraction",
          instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    }
    if (!seconds && instant.getNano() % 1_000_000 != 0) {
      throw mismatch(subject, text, mapping, at,
          "the column stores milliseconds, this instant is finer",
          instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString());
    }
    try {
      long value = seconds ? instant.getEpochSecond() : instant.toEpochMilli();
      return new ColumnDefault.Number(Long.toString(value));
    } catch (ArithmeticException e) {
      throw mismatch(subject, text, mapping, at, "too far from 1970 to store in milliseconds",
          "2024-01-01T00:00:00Z");
    }
  }

  private static InvalidModelException mismatch(
      String subject, String text, ColumnMapping mapping, AnnotationValue at, String why,
      String example) {
    return new InvalidModelException(
        ModelMessages.defaultMismatch(text, subject, mapping.javaType(), why, example), at);
  }
}
