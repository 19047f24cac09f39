package dev.nanoka.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Ananoka.check=true}, CI's compile: the project's files (schema.ts, the migrations
 * folder) stay as committed, for {@code nanoka check} to compare with the models, and each one
 * the compile would change is a warning naming it.
 */
class CheckOptionTest {

  private static final List<String> CHECK = List.of("-Ananoka.check=true");

  @TempDir Path dir;

  @Test
  void modelsChangedWithoutRegeneratingTheFiles() {
    MigrationProject project = new MigrationProject(dir);
    project.compileClean(BlogHistory.sources(1));
    project.age();
    Map<String, String> committed = project.files();

    Compilation ci = project.compile(CHECK, BlogHistory.sources(2)).compilation();

    assertEquals(Compilation.Status.SUCCESS, ci.status(), MigrationProject.messages(ci));
    String advice = " Nothing was written (-Ananoka.check=true): build without that option and"
        + " commit the regenerated files.";
    assertEquals(List.of(
        "[NanokaNotRegenerated] " + project.schemaFile() + " is not what the models generate."
            + advice,
        "[NanokaNotRegenerated] " + project.sql(
            "0001_rename_users_fullname_to_displayname_and_more") + " is missing: the models"
            + " generate it." + advice,
        "[NanokaNotRegenerated] " + project.snapshot(1) + " is missing: the models generate it."
            + advice,
        "[NanokaNotRegenerated] " + project.journal() + " is not what the models generate."
            + advice,
        "[NanokaNotRegenerated] " + project.migrations().resolve("down").resolve(
            "0001_rename_users_fullname_to_displayname_and_more.sql") + " is missing: the models"
            + " generate it." + advice),
        MigrationProject.diagnostics(ci, Diagnostic.Kind.WARNING, Message.NOT_REGENERATED));
    project.assertNothingChanged(committed);

    // The build the developer forgot writes them; CI's compile is then quiet.
    project.compile(BlogHistory.sources(2));
    project.age();
    Map<String, String> regenerated = project.files();
    assertTrue(regenerated.size() > committed.size(), regenerated.keySet().toString());
    Compilation again = project.compile(CHECK, BlogHistory.sources(2)).compilation();
    assertEquals(List.of(),
        MigrationProject.diagnostics(again, Diagnostic.Kind.WARNING, Message.NOT_REGENERATED));
    project.assertNothingChanged(regenerated);
  }

  /** git's autocrlf on Windows turns \n into \r\n on checkout: not a stale file. */
  @Test
  void crlfLineEndsAreNotStale() {
    MigrationProject project = new MigrationProject(dir);
    project.compileClean(BlogHistory.sources(1));
    for (Path file : project.regularFiles()) {
      MigrationProject.write(file, MigrationProject.read(file).replace("\n", "\r\n"));
    }
    project.age();
    Map<String, String> checkout = project.files();

    Compilation ci = project.compile(CHECK, BlogHistory.sources(1)).compilation();

    assertEquals(List.of(), ci.warnings(), MigrationProject.messages(ci));
    project.assertNothingChanged(checkout);
  }

  @Test
  void aFileTheModelsNoLongerNeedIsNotDeleted() {
    MigrationProject project = new MigrationProject(dir);
    project.compileClean(BlogHistory.sources(1));
    project.compile(BlogHistory.sources(2));
    project.age();
    Map<String, String> committed = project.files();

    // Version 2's models back at version 1's: the build would delete migration 0001.
    Compilation ci = project.compile(CHECK,
        BlogHistory.schema(2, "User.class, Post.class, Session.class", ""),
        BlogHistory.USER_V1, BlogHistory.POST, BlogHistory.SESSION).compilation();

    List<String> warnings =
        MigrationProject.diagnostics(ci, Diagnostic.Kind.WARNING, Message.NOT_REGENERATED);
    assertTrue(warnings.contains("[NanokaNotRegenerated] " + project.sql(
        "0001_rename_users_fullname_to_displayname_and_more") + " is no longer generated from"
        + " the models: the build would delete it. Nothing was written (-Ananoka.check=true):"
        + " build without that option and commit the regenerated files."), warnings.toString());
    project.assertNothingChanged(committed);
  }
}
