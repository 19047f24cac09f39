package dev.nanoka.review;

import static dev.nanoka.core.testing.Schemas.schema;
import static dev.nanoka.core.testing.Schemas.table;
import static dev.nanoka.review.CheckRuns.relative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.core.testing.Schemas;
import dev.nanoka.core.testing.TableBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a real {@code git merge} of two branches that each added migration 1 leaves, committed
 * unresolved: conflict markers in the journal and in the snapshot both added, and two SQL files
 * numbered 0001. Uses the git on the PATH, as a developer's merge does.
 */
class CheckMergeTest {

  @TempDir
  Path repo;

  @Test
  void twoBranchesThatEachAddedAMigration() throws Exception {
    DatabaseSchema v1 = schema(table("notes").id().text("body").build());
    DatabaseSchema withTitle = Schemas.edit(v1, "notes",
        t -> TableBuilder.of(t).nullableText("title").build());
    DatabaseSchema withTag = Schemas.edit(v1, "notes",
        t -> TableBuilder.of(t).nullableText("tag").build());
    Path dir = repo.resolve("drizzle/migrations");
    git("init", "-q", "-b", "main");
    MigrationFolders.write(dir, v1);
    commit("version 1");
    git("checkout", "-q", "-b", "title");
    MigrationFolders.write(dir, v1, withTitle);
    commit("notes.title");
    git("checkout", "-q", "-b", "tag", "main");
    MigrationFolders.write(dir, v1, withTag);
    commit("notes.tag");
    git("checkout", "-q", "title");

    String merge = gitMayFail("merge", "-q", "tag");
    assertTrue(merge.contains("CONFLICT"), merge);
    commit("merged without resolving"); // what `git commit -a` after a careless merge leaves

    List<String> findings = relative(dir, Check.folder(dir).run());

    List<String> rules = findings.stream()
        .map(f -> f.substring(0, f.indexOf(" [") + 1) + f.substring(f.indexOf('['),
            f.indexOf(']') + 1))
        .sorted().toList();
    assertEquals(List.of(
        "0001_add_notes_title.sql: error [duplicate-number]",
        "meta/0001_snapshot.json:4: error [conflict-marker]",
        "meta/_journal.json: error [branch-merge]",
        "meta/_journal.json:16: error [conflict-marker]"), rules, findings.toString());
  }

  private void commit(String message) throws Exception {
    git("add", "-A");
    git("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m",
        message);
  }

  private void git(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(repo.toFile())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "git " + String.join(" ", args));
    assertEquals(0, process.exitValue(), "git " + String.join(" ", args) + ":\n" + output);
  }

  private String gitMayFail(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(repo.toFile())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(60, TimeUnit.SECONDS);
    return output;
  }
}
