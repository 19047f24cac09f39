package dev.nanoka.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Cloudflare D1 database emulated by {@code wrangler d1 … --local} (workerd's SQLite, as in
 * production: foreign keys enforced, {@code PRAGMA foreign_keys=OFF} without effect inside a
 * migration). Offline; its state lives under the given directory. Wrangler takes seconds to
 * start, so callers batch their SQL into few calls.
 */
final class LocalD1 {

  static final String DATABASE = "nanoka_it";

  /** Marks a BLOB read as hex text. */
  private static final String BLOB = "<blob>";

  private static final Pattern JSON_START = Pattern.compile("^\\[\\s*$", Pattern.MULTILINE);

  private final Path directory;
  private int calls;

  /**
   * Prepares {@code directory} (emptied) with a {@code wrangler.jsonc} whose D1 binding takes its
   * migrations from {@code directory/migrations}, filled by {@link #useMigrations}.
   */
  LocalD1(Path directory) throws IOException {
    this.directory = directory;
    TestFiles.deleteRecursively(directory);
    Files.createDirectories(migrations());
    Files.writeString(directory.resolve("wrangler.jsonc"), """
        {
          "name": "nanoka-it",
          "compatibility_date": "2025-01-01",
          "d1_databases": [
            {
              "binding": "DB",
              "database_name": "%s",
              "database_id": "6f1d3c52-8a2e-4b7c-9d10-0c5e2f6a7b81",
              "migrations_dir": "migrations"
            }
          ]
        }
        """.formatted(DATABASE));
  }

  private Path migrations() {
    return directory.resolve("migrations");
  }

  /**
   * Makes wrangler's migrations folder a copy of the SQL files of a drizzle-kit folder as it is
   * now, so that the project can be rebuilt while wrangler works. Wrangler reads only the
   * top-level {@code *.sql} files, in name order, as in the original.
   */
  void useMigrations(Path folder) throws IOException {
    // down/ comes along, as it is in a user's folder: wrangler must leave it alone
    TestFiles.replaceWithCopy(folder, migrations(), path -> !path.toString().isEmpty()
        && !path.toString().endsWith(".sql") && !path.toString().equals("down"));
  }

  /** The copy {@link #useMigrations} made, as wrangler sees it. */
  Path migrationsFolder() {
    return migrations();
  }

  /** {@code wrangler d1 execute --local --file}: runs a whole file, as a user would. */
  CommandResult executeFile(String label, Path file) throws IOException, InterruptedException {
    Path copy = directory.resolve("sql").resolve(label + ".sql");
    Files.createDirectories(copy.getParent());
    Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return wrangler(label, "d1", "execute", DATABASE, "--local", "--yes", "--file",
        directory.relativize(copy).toString());
  }

  /** {@code wrangler d1 migrations apply --local}: applies the files not yet in d1_migrations. */
  CommandResult applyMigrations(String label) throws IOException, InterruptedException {
    return wrangler(label, "d1", "migrations", "apply", DATABASE, "--local");
  }

  /** {@code wrangler d1 execute --local --command}: one statement, as a user types it. */
  CommandResult executeCommand(String label, String sql) throws IOException, InterruptedException {
    return wrangler(label, "d1", "execute", DATABASE, "--local", "--yes", "--command", sql);
  }

  /**
   * {@code wrangler d1 execute --local --json --file}: runs the statements and returns one
   * result array per statement (the rows of a SELECT; empty for other statements).
   */
  List<JsonNode> execute(String label, List<String> statements)
      throws IOException, InterruptedException {
    Path file = directory.resolve("sql").resolve(label + ".sql");
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", statements) + "\n");
    CommandResult result = wrangler(label, "d1", "execute", DATABASE, "--local", "--json",
        "--file", directory.relativize(file).toString());
    if (!result.succeeded()) {
      throw new AssertionError("wrangler d1 execute failed (" + file + "):" + result.describe());
    }
    // stderr is merged into the output: the JSON array starts at the first line that is "[".
    Matcher start = JSON_START.matcher(result.output());
    JsonNode json;
    try {
      json = start.find() ? new ObjectMapper().readTree(result.output().substring(start.start()))
          : null;
    } catch (IOException e) {
      json = null;
    }
    if (json == null || !json.isArray() || json.size() != statements.size()) {
      throw new AssertionError("wrangler d1 execute printed no JSON result per statement ("
          + statements.size() + " statements in " + file + "):" + result.describe());
    }
    List<JsonNode> results = new ArrayList<>();
    for (JsonNode statement : json) {
      if (!statement.path("success").asBoolean()) {
        throw new AssertionError("A statement failed in " + file + ": " + statement
            + result.describe());
      }
      results.add(statement.path("results"));
    }
    return results;
  }

  /**
   * What a D1 database holds.
   *
   * @param master {@code sqlite_master} of the schema, as {@link SqliteDatabase#master()} gives it
   * @param history the file names in {@code d1_migrations}, in the order they were applied
   * @param sequences table → its {@code sqlite_sequence} value
   * @param content every row of the tables read
   */
  record State(
      List<List<String>> master, List<String> history, Map<String, String> sequences,
      DatabaseContent content) {}

  /**
   * The state read, and the failure of the inserts that followed it (or null).
   */
  record Outcome(State state, AssertionError insertFailure) {}

  /**
   * In one wrangler call: reads the schema, the history, the AUTOINCREMENT sequences and every
   * row of {@code tables} (table → columns), then runs {@code inserts}. The inserts refer to rows
   * that must be there; when they fail, a second call reads the database alone, so that the
   * caller can report what is missing rather than a constraint error.
   */
  Outcome readThenInsert(String label, Map<String, List<String>> tables, List<String> inserts)
      throws IOException, InterruptedException {
    List<String> reads = new ArrayList<>();
    reads.add(SqliteDatabase.MASTER + ";");
    reads.add("SELECT name FROM d1_migrations ORDER BY id;");
    reads.add(SqliteDatabase.SEQUENCES + ";");
    tables.forEach((table, columns) -> {
      // wrangler's JSON shows a BLOB as the text "[0, 255]": read BLOBs as hex instead.
      List<String> select = new ArrayList<>();
      for (String column : columns) {
        String quoted = SqliteDatabase.quote(column);
        select.add("CASE WHEN typeof(" + quoted + ") = 'blob' THEN '" + BLOB + "' || lower(hex("
            + quoted + ")) ELSE " + quoted + " END AS " + quoted);
      }
      reads.add("SELECT " + String.join(", ", select) + " FROM " + SqliteDatabase.quote(table)
          + ";");
    });
    List<String> statements = new ArrayList<>(reads);
    statements.addAll(inserts);
    try {
      return new Outcome(state(tables, execute(label, statements)), null);
    } catch (AssertionError e) {
      return new Outcome(state(tables, execute(label + "-read", reads)), e);
    }
  }

  private static State state(Map<String, List<String>> tables, List<JsonNode> results) {
    List<List<String>> master = new ArrayList<>();
    for (JsonNode row : results.get(0)) {
      master.add(List.of(DatabaseContent.value(row.get("type")),
          DatabaseContent.value(row.get("name")), DatabaseContent.value(row.get("tbl_name")),
          DatabaseContent.value(row.get("sql"))));
    }
    List<String> history = new ArrayList<>();
    results.get(1).forEach(row -> history.add(row.path("name").asText()));
    List<List<String>> sequences = new ArrayList<>();
    results.get(2).forEach(row -> sequences.add(List.of(DatabaseContent.value(row.get("name")),
        DatabaseContent.value(row.get("seq")))));
    Map<String, DatabaseContent.Table> content = new TreeMap<>();
    int index = 3;
    for (Map.Entry<String, List<String>> table : tables.entrySet()) {
      List<Map<String, String>> rows = new ArrayList<>();
      for (JsonNode row : results.get(index++)) {
        Map<String, String> values = new TreeMap<>();
        row.fields().forEachRemaining(field -> {
          String text = field.getValue().asText();
          values.put(field.getKey(), field.getValue().isTextual() && text.startsWith(BLOB)
              ? "X'" + text.substring(BLOB.length()) + "'"
              : DatabaseContent.value(field.getValue()));
        });
        rows.add(values);
      }
      content.put(table.getKey(), new DatabaseContent.Table(table.getValue(), rows));
    }
    return new State(master, history, DatabaseContent.sequences(sequences),
        new DatabaseContent(content));
  }

  private CommandResult wrangler(String label, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(args));
    command.addAll(List.of("--persist-to", "state"));
    Path log = directory.resolve("logs").resolve(String.format("%02d-%s.log", ++calls, label));
    return NodeTools.wrangler(directory, directory.resolve("home"), log,
        command.toArray(String[]::new));
  }
}
