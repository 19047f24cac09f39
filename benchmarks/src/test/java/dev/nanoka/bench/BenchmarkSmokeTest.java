package dev.nanoka.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.processor.NanokaProcessor;
import dev.nanoka.runtime.MigrationSource;
import dev.nanoka.runtime.Migrator;
import dev.nanoka.runtime.SchemaDefinition;
import dev.nanoka.runtime.internal.Pusher;
import dev.nanoka.runtime.internal.SchemaResource;
import dev.nanoka.runtime.internal.SqliteDialect;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that what the benchmarks measure works, on tiny inputs, without timing anything: the
 * generated migrations apply the same way with every tool, the generated models compile with the
 * processor, the start-up indexes are what the benchmark says they are. The benchmarks themselves run only from
 * scripts/bench.sh.
 */
class BenchmarkSmokeTest {

  private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

  @TempDir
  Path dir;

  @Test
  void generatedMigrationsApplyAlikeWithNanokaAndFlyway() throws Exception {
    FLYWAY_LOG.setLevel(Level.WARNING);
    var scripts = MigrationGenerator.generate(30);
    MigrationGenerator.writeDrizzleFolder(scripts, dir.resolve("drizzle"));
    MigrationGenerator.writeFlywayFolder(scripts, dir.resolve("flyway"));

    var result = Migrator.forUrl("jdbc:sqlite:" + dir.resolve("nanoka.db"))
        .source(MigrationSource.folder(dir.resolve("drizzle"))).migrate();
    assertEquals(30, result.applied().size());
    var flyway = Flyway.configure().dataSource("jdbc:sqlite:" + dir.resolve("flyway.db"), null, null)
        .locations("filesystem:" + dir.resolve("flyway")).load().migrate();
    assertEquals(30, flyway.migrationsExecuted);
    var perFile = Migrator.forUrl("jdbc:sqlite:" + dir.resolve("p.db"))
        .source(MigrationSource.folder(dir.resolve("drizzle"))).commitEvery(Duration.ZERO)
        .migrate();
    assertEquals(30, perFile.applied().size());

    List<String> expected = schema(dir.resolve("nanoka.db"));
    assertTrue(expected.size() > 10, expected.toString());
    assertEquals(expected, schema(dir.resolve("flyway.db")));
    assertEquals(expected, schema(dir.resolve("p.db")));
  }

  /**
   * Figures 7 and 8 (their server is not started here): the journal lists every file in order
   * with rising whens, as the runtime needs on PostgreSQL; psql's script holds every file; the
   * URLs for JDBC and psql name the same database.
   */
  @Test
  void postgresInputsHaveAJournalEntryPerFile() throws Exception {
    var scripts = PostgresMigrationGenerator.generate(40);
    Path folder = dir.resolve("pg");
    PostgresMigrationGenerator.writeDrizzleFolder(scripts, folder);
    var journal = dev.nanoka.runtime.internal.JournalTimes.parse(
        Files.readString(folder.resolve("meta/_journal.json")), "journal");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < scripts.size(); i++) {
      names.add(MigrationGenerator.drizzleName(i, scripts.get(i)));
      assertTrue(Files.isRegularFile(folder.resolve(names.get(i))), names.get(i));
    }
    assertEquals(names, List.copyOf(journal.byFile().keySet()));
    List<Long> whens = List.copyOf(journal.byFile().values());
    for (int i = 1; i < whens.size(); i++) {
      assertTrue(whens.get(i) > whens.get(i - 1), whens.toString());
    }
    String all = PostgresMigrationGenerator.concatenated(scripts);
    scripts.forEach(script -> assertTrue(all.contains(script.sql()), script.name()));
    assertTrue(all.contains("SET DATA TYPE bigint") && all.contains("ADD CONSTRAINT"), all);

    PostgresBenchServer server =
        new PostgresBenchServer("jdbc:postgresql://127.0.0.1:5433/postgres?user=u&password=p");
    assertEquals("jdbc:postgresql://127.0.0.1:5433/db?user=u&password=p", server.jdbcUrl("db"));
    assertEquals("postgresql://u:p@127.0.0.1:5433/db", server.libpqUrl("db"));
  }

  @Test
  void generatedModelsCompileWithTheProcessor() throws Exception {
    List<Path> sources = ModelGenerator.write(12, dir.resolve("src"));
    Path schemaTs = dir.resolve("drizzle/schema.ts");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      Files.createDirectories(dir.resolve("classes"));
      var task = javac.getTask(null, files, null,
          List.of("-d", dir.resolve("classes").toString(), "-cp",
              System.getProperty("java.class.path"), "-Ananoka.output=" + schemaTs),
          null, files.getJavaFileObjectsFromPaths(sources));
      task.setProcessors(List.of(new NanokaProcessor()));
      assertTrue(task.call());
    }
    String ts = Files.readString(schemaTs);
    assertTrue(ts.contains("sqliteTable('entity0011s'"), ts);
    assertTrue(ts.contains(".references("), ts);
    assertTrue(Files.isRegularFile(dir.resolve("classes/bench/models/NanokaSchema.class")));
    // the class reads the models from its resource in the class output
    try (URLClassLoader loader = new URLClassLoader(
        new URL[] {dir.resolve("classes").toUri().toURL()}, getClass().getClassLoader())) {
      SchemaDefinition generated = (SchemaDefinition) loader.loadClass("bench.models.NanokaSchema")
          .getField("INSTANCE").get(null);
      assertEquals(12, SchemaResource.read(generated).tables().size());
    }
  }

  @Test
  void pushSchemasArePushedOnceThenInSync() throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("d.db"))) {
      assertTrue(Pusher.push(connection, SqliteDialect.INSTANCE, PushSchemas.of(7, false), false, Duration.ofSeconds(5))
          .statements().size() > 7);
      assertEquals(List.of(), Pusher.push(connection, SqliteDialect.INSTANCE, PushSchemas.of(7, false), false,
          Duration.ofSeconds(5)).statements());
      assertEquals(1, Pusher.push(connection, SqliteDialect.INSTANCE, PushSchemas.of(7, true), false,
          Duration.ofSeconds(5)).statements().size());
    }
  }

  /** Figure 9's schemas are PostgreSQL's (push refuses SQLite's) and render to its DDL. */
  @Test
  void postgresPushSchemasHaveNativeTypes() throws Exception {
    var schema = PushSchemas.postgres(7, false);
    new dev.nanoka.runtime.internal.PostgresDialect(
        dev.nanoka.runtime.internal.JournalTimes.NONE).checkModels(schema);
    String sql = dev.nanoka.core.sql.postgres.PostgresMigrationRenderer.render(
        dev.nanoka.core.diff.SchemaDiffer.diff(new dev.nanoka.core.schema.DatabaseSchema(
            List.of()), schema, dev.nanoka.core.diff.RenameHints.NONE), schema).stream()
        .map(dev.nanoka.core.sql.MigrationStatement::sql)
        .collect(java.util.stream.Collectors.joining("\n"));
    assertTrue(sql.contains("\"id\" serial PRIMARY KEY") && sql.contains("DEFAULT now()")
        && !sql.contains("unixepoch"), sql);
    assertEquals(1, PushSchemas.postgres(7, true).tables().get(6).indexes().size()
        - schema.tables().get(6).indexes().size());
  }

  @Test
  void startupIndexesFindTheDatabaseUpToDate() throws Exception {
    Path jar = StartupCheck.buildAppJar(8, dir);
    StartupCheck.migrateBoth(jar, dir.resolve("n.db"), dir.resolve("f.db"));
    try (var loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()},
        getClass().getClassLoader())) {
      var source = MigrationSource.index(StartupCheck.index(loader, StartupCheck.INDEX_CLASS));
      var result = Migrator.forUrl("jdbc:sqlite:" + dir.resolve("n.db")).source(source).migrate();
      assertEquals(List.of(), result.applied());
      assertEquals(8, result.upToDate().size());
    }
  }

  @Test
  void theFloorRebuildsAuthorsAsTheMigrationDoes() throws Exception {
    Path createOnly = Files.createDirectories(dir.resolve("create-only"));
    Files.writeString(createOnly.resolve("0000_create.sql"),
        dev.nanoka.core.testing.LibraryRebuild.createFile());
    Path floor = RebuildAtScale.seed(dir, createOnly, 50);
    Path ours = dir.resolve("ours.db");
    Files.copy(floor, ours);
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + floor);
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(RebuildAtScale.floor()); // sqlite-jdbc runs every statement
    }
    Path migrations = Files.createDirectories(dir.resolve("migrations"));
    Files.copy(createOnly.resolve("0000_create.sql"), migrations.resolve("0000_create.sql"));
    Files.writeString(migrations.resolve("0001_rebuild.sql"),
        dev.nanoka.core.testing.LibraryRebuild.rebuildFile());
    Migrator.forUrl("jdbc:sqlite:" + ours).source(MigrationSource.folder(migrations)).migrate();
    String authors = "SELECT sql FROM sqlite_master WHERE name = 'authors'";
    assertEquals(rows(ours, authors), rows(floor, authors));
    assertEquals(List.of("10|50|50"), rows(floor, "SELECT (SELECT count(*) FROM authors),"
        + " (SELECT count(*) FROM books), (SELECT count(*) FROM reviews)"));
    assertEquals(rows(floor, "SELECT * FROM authors"), rows(ours, "SELECT * FROM authors"));
  }

  private static List<String> schema(Path db) throws SQLException {
    return rows(db, "SELECT type || ' ' || name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        + " AND name NOT IN ('d1_migrations', 'nanoka_migration_checksums',"
        + " 'flyway_schema_history') AND tbl_name NOT IN ('flyway_schema_history') ORDER BY 1");
  }

  private static List<String> rows(Path db, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i > 1 ? "|" : "").append(result.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
