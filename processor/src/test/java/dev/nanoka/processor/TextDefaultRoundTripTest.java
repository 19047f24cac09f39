package dev.nanoka.processor;

import static dev.nanoka.processor.DiagnosticAssertions.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nanoka.runtime.MigrationSource;
import dev.nanoka.runtime.Migrator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A text default with the characters a migration can carry (quotes, backslashes, {@code ${},
 * SQL comment marks, tabs and other control characters, Unicode line separators, non-BMP
 * characters) reads back as written: from schema.ts as TypeScript, from the SQL file as SQLite
 * applies it, and from the snapshot as the next compile reads it.
 */
class TextDefaultRoundTripTest {

  /** The default as the Java source writes it. */
  private static final String WRITTEN = "it's \\\"q\\\" \\\\ ${x} `t` -- no /* c */;"
      + " tab\\t bell\\u0007 del\\u007f nel\\u0085 ls\\u2028 ps\\u2029 é 😀";

  /** The value it stands for. */
  private static final String VALUE = "it's \"q\" \\ ${x} `t` -- no /* c */;"
      + " tab\t bell\u0007 del\u007f nel\u0085 ls\u2028 ps\u2029 é 😀";

  @TempDir Path dir;

  @Test
  void textDefaultReadsBackAsWritten() throws Exception {
    JavaFileObject note = source("com.example.Note", """
        package com.example;

        import dev.nanoka.Field;
        import dev.nanoka.Model;

        @Model("notes")
        public record Note(
            @Field(primaryKey = true) long id,
            @Field(defaultValue = "%s") String body) {}
        """.formatted(WRITTEN));
    MigrationProject project = new MigrationProject(dir.resolve("project"));
    project.compileClean(note);

    // TypeScript: a single-quoted literal, so ${ and backticks stay text; JavaScript's line
    // terminators (U+2028, U+2029) and control characters are escaped.
    String schema = MigrationProject.read(project.schemaFile());
    String literal = "'it\\'s \"q\" \\\\ ${x} `t` -- no /* c */; tab\\t bell\\u0007 del\u007f"
        + " nel\u0085 ls\\u2028 ps\\u2029 é 😀'";
    assertTrue(schema.contains("body: text('body').notNull().default(" + literal + "),"), schema);

    // The snapshot holds the SQL text of the default, as drizzle-kit writes it.
    var snapshot = new ObjectMapper().readTree(project.snapshot(0).toFile());
    assertEquals("'" + VALUE.replace("'", "''") + "'",
        snapshot.at("/tables/notes/columns/body/default").asText());

    // SQLite, applying the SQL file, stores the value itself.
    Path database = dir.resolve("app.db");
    Migrator.forUrl("jdbc:sqlite:" + database)
        .source(MigrationSource.folder(project.migrations()))
        .migrate();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO notes (id) VALUES (1)");
      try (ResultSet rows = statement.executeQuery("SELECT body FROM notes")) {
        rows.next();
        assertEquals(VALUE, rows.getString(1));
      }
    }

    // The next compile reads the snapshot back to the same default: nothing to migrate.
    project.age();
    Map<String, String> before = project.files();
    project.compileClean(note);
    project.assertUntouched(before);
  }
}
