package dev.nanoka.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.nanoka.core.text.Checksums;
import dev.nanoka.processor.DiagnosticAssertions.Result;
import dev.nanoka.runtime.DataLossException;
import dev.nanoka.runtime.MigrationException;
import dev.nanoka.runtime.MigrationIndex;
import dev.nanoka.runtime.MigrationSource;
import dev.nanoka.runtime.Migrator;
import dev.nanoka.runtime.RollbackResult;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrations packaged into the application ({@code BlogSchemaNanokaMigrations} and its
 * resources) are the folder as this compile left it: a migration appended, kept, or removed
 * when the models went back to the previous version, each with its down migration, which
 * {@code Migrator.rollback} finds on the class path.
 */
// compile-testing keeps generated sources in memory, which ecj can't read back; under ecj
// the generated classes are compiled on disk (IncrementalBuildTest)
@Tag("javac-only")
class MigrationIndexTest {

  private static final String FOLDER = "nanoka/migrations/com/example/blog/BlogSchema";

  @TempDir Path dir;
  @TempDir Path classes;
  private int compiles;

  @Test
  void packagedMigrationsFollowTheFolder() throws IOException {
    MigrationProject project = new MigrationProject(dir);

    assertPackaged(project, project.compileClean(BlogHistory.sources(1)), 1);
    assertPackaged(project, project.compileClean(BlogHistory.sources(2)), 2);
    // version 3 with version 2's models: nothing to migrate yet
    JavaFileObject[] unchanged = {BlogHistory.schema(3, "User.class, Post.class, Session.class",
        ""), BlogHistory.USER_V2, BlogHistory.POST, BlogHistory.SESSION};
    assertPackaged(project, project.compileClean(unchanged), 2);
    // Version 3 makes nickname NOT NULL with a default: a [NanokaDataLoss] warning, no error.
    Result v3 = project.compile(BlogHistory.sources(3));
    assertEquals(Compilation.Status.SUCCESS, v3.compilation().status());
    assertPackaged(project, v3, 3);
    // and back: version 3's migration is removed again
    assertPackaged(project, project.compileClean(unchanged), 2);
  }

  private void assertPackaged(MigrationProject project, Result result, int migrations)
      throws IOException {
    Map<String, String> packaged = new TreeMap<>(project.migrationFiles());
    packaged.keySet().removeIf(name -> name.startsWith("meta/"));
    Map<String, String> sqlFiles = new TreeMap<>(packaged);
    sqlFiles.keySet().removeIf(name -> name.startsWith("down/"));
    assertEquals(migrations, sqlFiles.size(), sqlFiles.keySet()::toString);
    // every migration has its down migration, and there is none for a removed one
    assertEquals(sqlFiles.keySet().stream().map(name -> "down/" + name).toList(),
        packaged.keySet().stream().filter(name -> name.startsWith("down/")).toList());

    Path out = classes.resolve("compile" + compiles++);
    ClassOutput output = ClassOutput.of(result.compilation(), out);
    assertEquals(packaged, output.resources(FOLDER));
    try (URLClassLoader loader = output.loader()) {
      MigrationIndex index = (MigrationIndex) ClassOutput.instance(loader,
          "com.example.blog.BlogSchemaNanokaMigrations");
      assertEquals(FOLDER, index.resourceFolder());
      assertEquals(List.copyOf(sqlFiles.keySet()), index.files());
      // The checksums the history keeps, so an up-to-date start reads no file.
      assertEquals(sqlFiles.values().stream().map(Checksums::of).toList(), index.checksums());
      assertRollsBack(index, migrations);
    }
  }

  /**
   * The packaged application migrates a database to the end and rolls it back to the first
   * version with the down migrations it finds next to the files on the class path.
   */
  private void assertRollsBack(MigrationIndex index, int migrations) throws IOException {
    String url = "jdbc:sqlite:" + dir.resolve("app" + compiles + ".db");
    try {
      Migrator migrator = Migrator.forUrl(url).source(MigrationSource.index(index)).build();
      assertEquals(migrations, migrator.migrate().applied().size());
      RollbackResult back = migrator.rollback(1);
      assertEquals(migrations - 1, back.rolledBack().size(), back::toString);
      assertEquals(migrations - 1, migrator.migrate().applied().size(),
          "what was undone applies again");
    } catch (MigrationException | DataLossException e) {
      throw new AssertionError(e);
    }
  }
}
