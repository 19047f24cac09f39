package dev.nanoka.review;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.nanoka.core.diff.DataLoss;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The report for tools. Field names are part of the contract (README lists them): add fields,
 * never rename or remove one.
 */
final class JsonReport {

  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonReport() {}

  static String render(ReviewReport report) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
          .withObjectEmptySeparator("")
          .withArrayEmptySeparator(""))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n")));
      g.writeStartObject();
      g.writeStringField("base", report.base());
      g.writeObjectFieldStart("summary");
      g.writeNumberField("migrations", report.migrations().size());
      g.writeNumberField("errors", report.count(Severity.ERROR));
      g.writeNumberField("warnings", report.count(Severity.WARNING));
      g.writeNumberField("infos", report.count(Severity.INFO));
      g.writeEndObject();
      findings(g, report.findings());
      g.writeArrayFieldStart("migrations");
      for (MigrationReview migration : report.migrations()) {
        migration(g, migration);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("JSON could not be written to a string", e);
    }
    return out + "\n";
  }

  private static void migration(JsonGenerator g, MigrationReview migration) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", migration.name());
    g.writeStringField("file", migration.file().toString());
    g.writeStringField("status", lower(migration.status().name()));
    g.writeStringField("origin", lower(migration.origin().name()));
    g.writeArrayFieldStart("changes");
    for (ReviewedChange change : migration.changes()) {
      g.writeStartObject();
      g.writeStringField("kind", change.kind());
      g.writeStringField("table", change.table());
      g.writeStringField("text", change.text());
      strings(g, "details", change.details());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("dataLoss");
    for (DataLoss loss : migration.dataLoss()) {
      g.writeStartObject();
      g.writeStringField("kind", kebab(loss.getClass().getSimpleName()));
      g.writeStringField("table", loss.table());
      g.writeStringField("effect", lower(loss.effect().name()));
      g.writeStringField("text", loss.describe());
      g.writeEndObject();
    }
    g.writeEndArray();
    if (migration.handEdit().isPresent()) {
      HandEdit edit = migration.handEdit().get();
      g.writeObjectFieldStart("handEdit");
      g.writeBooleanField("exact", edit.exact());
      g.writeArrayFieldStart("hunks");
      for (HandEdit.Hunk hunk : edit.hunks()) {
        g.writeStartObject();
        g.writeNumberField("line", hunk.line());
        strings(g, "removed", hunk.removed());
        strings(g, "added", hunk.added());
        g.writeEndObject();
      }
      g.writeEndArray();
      strings(g, "statements", edit.statements());
      g.writeEndObject();
    } else {
      g.writeNullField("handEdit");
    }
    findings(g, migration.findings());
    g.writeEndObject();
  }

  private static void findings(JsonGenerator g, List<Finding> findings) throws IOException {
    g.writeArrayFieldStart("findings");
    for (Finding finding : findings) {
      g.writeStartObject();
      g.writeStringField("rule", finding.rule());
      g.writeStringField("severity", lower(finding.severity().name()));
      g.writeStringField("file", finding.file().toString());
      if (finding.line().isPresent()) {
        g.writeNumberField("line", finding.line().get());
      } else {
        g.writeNullField("line");
      }
      g.writeStringField("message", finding.message());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void strings(JsonGenerator g, String name, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String value : values) {
      g.writeString(value);
    }
    g.writeEndArray();
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** {@code TableDropped} → {@code table-dropped}. */
  private static String kebab(String name) {
    return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}
