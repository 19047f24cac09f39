package dev.nanoka.cli;

import static dev.nanoka.cli.CliRun.cli;
import static dev.nanoka.core.testing.Schemas.schema;
import static dev.nanoka.core.testing.Schemas.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.diff.SchemaDiff;
import dev.nanoka.core.diff.SchemaDiffer;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.sql.SqliteMigrationRenderer;
import dev.nanoka.core.sql.StatementBreakpoints;
import dev.nanoka.folder.Journal;
import dev.nanoka.folder.MigrationFile;
import dev.nanoka.folder.Snapshot;
import dev.nanoka.folder.SnapshotJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewCommandTest {

  @TempDir
  Path dir;

  /** A folder of one migration creating {@code users}, its SQL followed by {@code extra}. */
  private Path folder(String extra) throws Exception {
    Path migrations = dir.resolve("migrations");
    Files.createDirectories(migrations.resolve("meta"));
    DatabaseSchema users = schema(table("users").id().text("email").build());
    SchemaDiff diff = SchemaDiffer.diff(schema(), users, RenameHints.NONE);
    String sql = StatementBreakpoints.join(SqliteMigrationRenderer.render(diff));
    Files.writeString(migrations.resolve("0000_create_users.sql"),
        MigrationFile.render(1, sql) + extra);
    Files.writeString(migrations.resolve("meta/0000_snapshot.json"),
        SnapshotJson.write(users, Snapshot.NO_PREVIOUS, diff.changes()));
    Files.writeString(migrations.resolve("meta/_journal.json"), new Journal(List.of(
        new Journal.Entry(0, Journal.FIRST_WHEN, "0000_create_users"))).toJson());
    return migrations;
  }

  @Test
  void aCleanFolderExitsZeroAndSaysWhatEachMigrationDoes() throws Exception {
    CliRun run = cli("review", "--dir", folder("").toString());

    assertEquals(0, run.exitCode(), run.describe());
    assertTrue(run.out().contains("0000_create_users.sql (added)"), run.describe());
    assertTrue(run.out().contains("Creates table `users` (2 columns)"), run.describe());
  }

  @Test
  void theReportReachesStdoutWhenMainExits() throws Exception {
    // picocli's writer flushes on println only; main exits right after the command.
    JvmProcesses.Started run = JvmProcesses.start(NanokaCli.class,
        List.of("review", "--dir", folder("").toString(), "--format", "markdown"),
        dir.resolve("logs"), "review");

    assertEquals(0, run.process().waitFor(), run.describe());
    assertTrue(run.stdout().startsWith("## Schema review\n"), run.describe());
    assertTrue(run.stdout().contains("- Creates table `users` (2 columns)"), run.describe());
  }

  @Test
  void anErrorFindingExitsOneInEveryFormat() throws Exception {
    Path migrations = folder("--> statement-breakpoint\nBEGIN TRANSACTION;\n");
    for (String format : List.of("text", "markdown", "JSON")) {
      CliRun run = cli("review", "--dir", migrations.toString(), "--format", format);

      assertEquals(1, run.exitCode(), run.describe());
      assertTrue(run.out().contains("d1-transaction"), run.describe());
    }
    CliRun markdown = cli("review", "--dir", migrations.toString(), "--format", "markdown");
    assertTrue(markdown.out().contains("| ❌ | `d1-transaction` | 7 |"), markdown.describe());
  }

  @Test
  void anUnreadableFolderOrBaseExitsFour() throws Exception {
    CliRun missing = cli("review", "--dir", dir.resolve("nowhere").toString());
    assertEquals(4, missing.exitCode(), missing.describe());
    assertTrue(missing.err().contains("No migrations folder at"), missing.describe());
    CliRun missingWithBase = cli("review", "--dir", dir.resolve("nowhere").toString(), "--from",
        "main");
    assertEquals(4, missingWithBase.exitCode(), missingWithBase.describe());
    assertTrue(missingWithBase.err().contains("No migrations folder at"),
        missingWithBase.describe());

    Path migrations = folder("");
    Files.delete(migrations.resolve("meta/0000_snapshot.json"));
    CliRun noSnapshot = cli("review", "--dir", migrations.toString());
    assertEquals(4, noSnapshot.exitCode(), noSnapshot.describe());
    assertTrue(noSnapshot.err().contains("0000_snapshot.json is missing"), noSnapshot.describe());

    CliRun noRef = cli("review", "--dir", folder("").toString(), "--from", "origin/main");
    assertEquals(4, noRef.exitCode(), noRef.describe());
    assertTrue(noRef.err().contains("--from origin/main"), noRef.describe());
    assertEquals("", noRef.out(), noRef.describe());
    // In markdown, the reason also goes where CI takes the pull request comment from.
    CliRun comment = cli("review", "--dir", folder("").toString(), "--from", "origin/main",
        "--format", "markdown");
    assertEquals(4, comment.exitCode(), comment.describe());
    assertTrue(comment.out().startsWith("## Schema review\n\n❌ The review could not run:"
        + " --from origin/main: no folder of that name"), comment.describe());
  }

  @Test
  void anUnknownFormatIsWrongUsage() throws Exception {
    CliRun run = cli("review", "--dir", folder("").toString(), "--format", "html");

    assertEquals(2, run.exitCode(), run.describe());
    assertTrue(run.err().contains("use text, markdown or json"), run.describe());
  }
}
