package dev.nanoka.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Two branches raise the schema version at once, as a new team does, and are merged with real
 * git. The compile after the merge must not rewrite the migration the first branch deployed:
 * it fails, naming both migrations and what to do. After the steps it names, in its order and
 * with its command, the first branch's migration is byte for byte what it deployed, the second
 * branch's change comes in the next migration, drizzle-kit agrees with the folder, and a
 * database at the first branch's state migrates to the end — while one at the second branch's
 * state is refused, naming its migration that is no longer in the folder, until that migration
 * is undone there as the error says.
 */
class BranchMergeTest {

  private static final Path WORK = ItPaths.target().resolve("branch-merge");
  private static final String MIGRATIONS = "drizzle/migrations";
  private static final String PHONE = "0001_add_users_phone.sql";
  private static final String CITY = "0001_add_users_city.sql";

  @Test
  void aMergedVersionIsNeverRewrittenSilently() throws Exception {
    TestFiles.deleteRecursively(WORK);
    Path repo = Files.createDirectories(WORK.resolve("repo"));
    git(repo, "init", "-q", "-b", "main");
    git(repo, "config", "user.email", "it@example.com");
    git(repo, "config", "user.name", "it");
    writeModels(repo, 1, "");
    assertCompiles(repo, "v1");
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "version 1");

    git(repo, "checkout", "-q", "-b", "a");
    writeModels(repo, 2, "@Field(nullable = true) String phone");
    assertCompiles(repo, "a");
    assertTrue(Files.exists(repo.resolve(MIGRATIONS).resolve(PHONE)));
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "a: phone");
    byte[] deployedByA = Files.readAllBytes(repo.resolve(MIGRATIONS).resolve(PHONE));
    Path atA = database("a", repo);

    git(repo, "checkout", "-q", "main");
    git(repo, "checkout", "-q", "-b", "b");
    writeModels(repo, 2, "@Field(nullable = true) String city");
    assertCompiles(repo, "b");
    assertTrue(Files.exists(repo.resolve(MIGRATIONS).resolve(CITY)));
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "b: city");
    Path atB = database("b", repo);

    git(repo, "checkout", "-q", "main");
    git(repo, "merge", "-q", "a");
    CommandResult merge = Command.run(List.of("git", "merge", "-q", "b"), repo,
        Duration.ofMinutes(1), WORK.resolve("git-merge-b.log"));
    assertFalse(merge.succeeded(), "the generated files conflict:" + merge.describe());
    // The developer keeps both columns, and main's side of every generated file.
    writeModels(repo, 2, "@Field(nullable = true) String phone, @Field(nullable = true) String"
        + " city");
    git(repo, "checkout", "--ours", "--", "drizzle/schema.ts", MIGRATIONS + "/meta");
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "merge b");

    CommandResult refused = javac(repo, "after-merge");
    assertFalse(refused.succeeded(), "the compile must not go on:" + refused.describe());
    assertTrue(refused.output().contains("[NanokaMigrationCollision]"), refused.describe());
    assertTrue(refused.output().contains(CITY + " has number 0001, which meta/_journal.json gives"
        + " to " + PHONE), refused.describe());
    assertTrue(refused.output().contains("1. Write `@Schema(version = 3)`, first"),
        refused.describe());
    assertArrayEquals(deployedByA, Files.readAllBytes(repo.resolve(MIGRATIONS).resolve(PHONE)),
        "a's migration must stay as deployed");
    assertEquals(List.of("0000_create_users.sql", CITY, PHONE), sqlFiles(repo));

    // The steps, in the order the error gives them. Version 3 first: the compile still refuses,
    // since b's file is still there, and now says the version is done.
    writeModels(repo, 3, "@Field(nullable = true) String phone, @Field(nullable = true) String"
        + " city");
    CommandResult stillRefused = javac(repo, "at-version-3");
    assertFalse(stillRefused.succeeded(), stillRefused.describe());
    assertTrue(stillRefused.output().contains("1. Write `@Schema(version = 3)` (done)."),
        stillRefused.describe());
    assertArrayEquals(deployedByA, Files.readAllBytes(repo.resolve(MIGRATIONS).resolve(PHONE)));
    // b's file goes with the very command the error names.
    Matcher remove = Pattern.compile("`git (rm -q -- [^`]+)`").matcher(stillRefused.output());
    assertTrue(remove.find(), stillRefused.describe());
    git(repo, remove.group(1).split(" "));
    git(repo, "commit", "-q", "-m", "b's migration goes: its change comes in version 3");
    assertCompiles(repo, "resolved");

    assertArrayEquals(deployedByA, Files.readAllBytes(repo.resolve(MIGRATIONS).resolve(PHONE)));
    List<String> files = sqlFiles(repo);
    assertEquals(3, files.size(), files.toString());
    assertEquals("0002_add_users_city.sql", files.get(2));
    assertEquals("ALTER TABLE `users` ADD `city` text;", body(repo, files.get(2)));
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "version 3");

    Path forDrizzleKit = WORK.resolve("drizzle-kit");
    TestFiles.replaceWithCopy(repo.resolve("drizzle"), forDrizzleKit.resolve("drizzle"),
        path -> false);
    Files.writeString(forDrizzleKit.resolve("drizzle.config.ts"), """
        import { defineConfig } from 'drizzle-kit'

        export default defineConfig({
          dialect: 'sqlite',
          schema: './drizzle/schema.ts',
          out: './drizzle/migrations',
        })
        """);
    CommandResult check =
        NodeTools.drizzleKit(forDrizzleKit, WORK.resolve("drizzle-check.log"), "check");
    assertTrue(check.succeeded() && check.output().contains("Everything's fine"),
        check.describe());
    CommandResult generate =
        NodeTools.drizzleKit(forDrizzleKit, WORK.resolve("drizzle-generate.log"), "generate");
    assertTrue(generate.succeeded() && generate.output().contains("No schema changes"),
        generate.describe());

    CommandResult fromA = nanoka(repo, "migrate-a", "migrate", "--url", "jdbc:sqlite:" + atA);
    assertTrue(fromA.succeeded(), fromA.describe());
    assertEquals(files, history(atA));

    // b's preview database applied b's 0001, which is no longer in the folder: refused, named.
    CommandResult fromB = nanoka(repo, "migrate-b", "migrate", "--url", "jdbc:sqlite:" + atB);
    assertFalse(fromB.succeeded(), fromB.describe());
    assertTrue(fromB.output().contains(CITY), fromB.describe());
    assertEquals(List.of("0000_create_users.sql", CITY), history(atB), "nothing was applied");
    // As the error says: undo b's migration there with b's folder, then migrate with main's.
    git(repo, "checkout", "-q", "b");
    execute(atB, "ALTER TABLE `users` DROP COLUMN `city`");
    CommandResult undone = nanoka(repo, "resolve-b", "resolve", "--rolled-back", CITY, "--url",
        "jdbc:sqlite:" + atB);
    assertTrue(undone.succeeded(), undone.describe());
    git(repo, "checkout", "-q", "main");
    CommandResult bToEnd = nanoka(repo, "migrate-b-again", "migrate", "--url",
        "jdbc:sqlite:" + atB);
    assertTrue(bToEnd.succeeded(), bToEnd.describe());
    assertEquals(files, history(atB));
  }

  private static String body(Path repo, String file) throws IOException {
    String text = Files.readString(repo.resolve(MIGRATIONS).resolve(file));
    return text.substring(text.indexOf('\n') + 1);
  }

  private static void execute(Path db, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static void writeModels(Path repo, int version, String extra) throws IOException {
    Path pkg = Files.createDirectories(repo.resolve("src/com/example/team"));
    Files.writeString(pkg.resolve("package-info.java"), """
        @Schema(version = %d, models = {User.class})
        package com.example.team;

        import dev.nanoka.Schema;
        """.formatted(version));
    Files.writeString(pkg.resolve("User.java"), """
        package com.example.team;

        import dev.nanoka.Field;
        import dev.nanoka.Model;

        @Model("users")
        public record User(@Field(primaryKey = true) long id, String name%s) {}
        """.formatted(extra.isEmpty() ? "" : ", " + extra));
  }

  private static void assertCompiles(Path repo, String label) throws Exception {
    CommandResult result = javac(repo, label);
    assertTrue(result.succeeded(), "javac failed:" + result.describe());
  }

  /** Plain javac with the two jars, as a build tool runs it; class files go to a scratch dir. */
  private static CommandResult javac(Path repo, String label) throws Exception {
    Path classes = WORK.resolve("classes-" + label);
    TestFiles.deleteRecursively(classes);
    return ProcessorJavac.run(repo.resolve("src"), classes, repo,
        WORK.resolve("javac-" + label + ".log"), "-Ananoka.projectDir=" + repo,
        "-Ananoka.schemaFile=drizzle/schema.ts");
  }


  /** A database migrated with the folder as the branch has it now. */
  private static Path database(String branch, Path repo) throws Exception {
    Path db = WORK.resolve("at-" + branch + ".db");
    CommandResult migrate = nanoka(repo, "migrate-at-" + branch, "migrate", "--url",
        "jdbc:sqlite:" + db);
    assertTrue(migrate.succeeded(), migrate.describe());
    return db;
  }

  private static CommandResult nanoka(Path repo, String label, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        ItPaths.repoRoot().resolve("cli/target/nanoka-cli.jar").toString()));
    command.addAll(List.of(args));
    command.addAll(List.of("--dir", MIGRATIONS));
    return Command.run(command, repo, Duration.ofMinutes(1), WORK.resolve(label + ".log"));
  }

  private static void git(Path repo, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    CommandResult result = Command.run(command, repo, Duration.ofMinutes(1),
        WORK.resolve("git-" + String.join("-", args).replaceAll("[^\\w-]", "_") + ".log"));
    assertTrue(result.succeeded(), result.describe());
  }

  private static List<String> sqlFiles(Path repo) throws IOException {
    try (var files = Files.list(repo.resolve(MIGRATIONS))) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".sql"))
          .sorted().toList();
    }
  }

  private static List<String> history(Path db) throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT name FROM d1_migrations ORDER BY id")) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }
}
