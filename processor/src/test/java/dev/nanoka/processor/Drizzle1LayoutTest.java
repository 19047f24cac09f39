package dev.nanoka.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.nanoka.processor.MigrationVersionTest.note;
import static dev.nanoka.processor.MigrationVersionTest.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.folder.Drizzle1Folder;
import dev.nanoka.folder.Drizzle1Snapshot;
import dev.nanoka.folder.Journal;
import dev.nanoka.processor.DiagnosticAssertions.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Ananoka.layout=drizzle-1} and {@code @Schema(layout = DRIZZLE_1)}: the same history as
 * the 0.31 layout, laid out as {@code drizzle-kit up} lays it out (checked here against the
 * conversion rules, and in the it-tests against drizzle-kit 1.0 itself), through appending,
 * iterating under a new name and going back.
 */
class Drizzle1LayoutTest {

  private static final String LAYOUT = "-Ananoka.layout=drizzle-1";

  @TempDir Path dir;

  @Test
  void everyVersionIsThe031FolderConverted() {
    MigrationProject old = new MigrationProject(dir.resolve("old"));
    MigrationProject now = new MigrationProject(dir.resolve("new"));
    for (int version = 1; version <= 4; version++) {
      assertThat(old.compile(BlogHistory.sources(version)).compilation()).succeeded();
      assertThat(now.compile(List.of(LAYOUT), BlogHistory.sources(version)).compilation())
          .succeeded();
      assertEquals(up(old), now.migrationFiles(), "version " + version);
    }
  }

  @Test
  void iteratingUnderANewNameLeavesNoOldFolder() {
    MigrationProject old = new MigrationProject(dir.resolve("old"));
    MigrationProject now = new MigrationProject(dir.resolve("new"));
    // version 2 first holds the changes of v3's models, then only v2's: another name
    for (JavaFileObjects sources : List.of(
        new JavaFileObjects(BlogHistory.sources(1)),
        new JavaFileObjects(BlogHistory.schema(2, "User.class, Post.class, Session.class", ""),
            BlogHistory.USER_V3, BlogHistory.POST, BlogHistory.SESSION),
        new JavaFileObjects(BlogHistory.sources(2)),
        new JavaFileObjects(BlogHistory.schema(2, "User.class, Post.class, Session.class", ""),
            BlogHistory.USER_V1, BlogHistory.POST, BlogHistory.SESSION))) {
      assertThat(old.compile(sources.files()).compilation()).succeeded();
      assertThat(now.compile(List.of(LAYOUT), sources.files()).compilation()).succeeded();
      assertEquals(up(old), now.migrationFiles());
      assertEquals(up(old).keySet().stream().map(k -> k.substring(0, k.indexOf('/')))
              .filter(n -> !n.equals("d1") && !n.equals("down")).distinct().sorted().toList(),
          folders(now), "no folder may be left behind");
    }
  }

  @Test
  void theSchemaAttributeWritesWhatTheOptionWrites() {
    MigrationProject option = new MigrationProject(dir.resolve("option"));
    option.compile(List.of(LAYOUT), schema(1), note(""));
    MigrationProject attribute = new MigrationProject(dir.resolve("attribute"));
    Result result = attribute.compile(List.of(),
        schema(1, ", layout = dev.nanoka.MigrationLayout.DRIZZLE_1"), note(""));
    assertThat(result.compilation()).succeededWithoutWarnings();
    assertEquals(option.files(), attribute.files());
    assertTrue(attribute.files().containsKey(
        "drizzle/migrations/d1/0000_create_notes.sql"), attribute.files().keySet().toString());
  }

  @Test
  void aHandEditIsKeptAndCopiedForWrangler() {
    MigrationProject project = new MigrationProject(dir);
    project.compile(List.of(LAYOUT), schema(1), note(""));
    Path sql = project.migrations().resolve(folderOf(project, 0)).resolve("migration.sql");
    String edited = MigrationProject.read(sql)
        + "\n-- Written by hand: seed.\nINSERT INTO `notes` VALUES ('a', 'b');";
    MigrationProject.write(sql, edited);
    assertThat(project.compile(List.of(LAYOUT), schema(1), note("")).compilation()).succeeded();
    assertEquals(edited, MigrationProject.read(sql));
    assertEquals(edited, MigrationProject.read(
        project.migrations().resolve("d1/0000_create_notes.sql")));
  }

  @Test
  void anUnknownLayoutIsAnErrorAndNothingIsWritten() {
    MigrationProject project = new MigrationProject(dir);
    Result result = project.compile(List.of("-Ananoka.layout=drizzle-2"), schema(1), note(""));
    assertThat(result.compilation()).failed();
    assertEquals(1, DiagnosticAssertions.errorCount(result, Message.OPTION_INVALID));
    assertEquals(List.of("[NanokaOptionInvalid] -Ananoka.layout=drizzle-2 is not one of its"
            + " values: drizzle-0.31, drizzle-1. Nothing was written."),
        result.compilation().errors().stream().map(d -> d.getMessage(Locale.ROOT)).toList());
    assertEquals(Map.of(), project.files());
  }

  @Test
  void aFolderInTheOtherLayoutIsAnErrorThatSaysWhatToDo() {
    MigrationProject old = new MigrationProject(dir.resolve("old"));
    old.compile(List.of(), schema(1), note(""));
    Result toNew = old.compile(List.of(LAYOUT), schema(1), note(""));
    assertThat(toNew.compilation()).hadErrorContaining("drizzle-kit up");

    MigrationProject now = new MigrationProject(dir.resolve("new"));
    now.compile(List.of(LAYOUT), schema(1), note(""));
    Result toOld = now.compile(List.of(), schema(1), note(""));
    assertThat(toOld.compilation()).hadErrorContaining("-Ananoka.layout=drizzle-1");
    assertFalse(Files.exists(now.migrations().resolve("meta")));
  }

  /** The sources of one compile. */
  private record JavaFileObjects(javax.tools.JavaFileObject... files) {}

  /**
   * What drizzle-kit up (1.0) makes of a 0.31 folder: each journal entry's SQL and snapshot in
   * {@code <when as yyyyMMddHHmmss>_<name>/}, the snapshot converted, {@code meta/} gone,
   * {@code down/} kept; plus Nanoka's flat {@code d1/} copies.
   */
  private static Map<String, String> up(MigrationProject old) {
    Map<String, String> out = new TreeMap<>();
    try {
      Journal journal = Journal.read(old.journal(), MigrationProject.read(old.journal()));
      for (Journal.Entry entry : journal.entries()) {
        String folder = Drizzle1Folder.folderName(entry.when(), entry.tag());
        String sql = MigrationProject.read(old.sql(entry.tag()));
        out.put(folder + "/migration.sql", sql);
        out.put("d1/" + entry.tag() + ".sql", sql);
        Path snapshot = old.snapshot(entry.idx());
        out.put(folder + "/snapshot.json",
            Drizzle1Snapshot.fromV6(snapshot, MigrationProject.read(snapshot)));
      }
    } catch (dev.nanoka.folder.MigrationFolderException e) {
      throw new AssertionError(e);
    }
    old.migrationFiles().forEach((path, text) -> {
      if (path.startsWith("down/")) {
        out.put(path, text);
      }
    });
    return out;
  }

  private static List<String> folders(MigrationProject project) {
    try (Stream<Path> paths = Files.list(project.migrations())) {
      return paths.filter(Files::isDirectory).map(p -> p.getFileName().toString())
          .filter(n -> !n.equals("d1") && !n.equals("down")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String folderOf(MigrationProject project, int idx) {
    try (Stream<Path> paths = Files.list(project.migrations())) {
      return paths.map(p -> p.getFileName().toString())
          .filter(n -> Drizzle1Folder.NAME.matcher(n).matches()).sorted().toList().get(idx);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
