package dev.nanoka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CI's consistency check as README's "Reviewing schema changes" shows it, on a copy of
 * {@code examples/blog}: {@code mvn compile -Dnanoka.check=true} (the copy's pom passes it on as
 * {@code -Ananoka.check}, so the compile leaves the committed files alone), then the real
 * {@code java -jar nanoka-cli.jar check} with the models the compile produced. A developer who
 * changed a model but did not commit the regenerated files is caught; after the build, the check
 * passes.
 */
class CheckoutCheckTest {

  private static final Path EXAMPLE = ItPaths.example("blog");
  private static final String SCHEMA = "com.example.blog.NanokaSchema";

  private Path project;
  private Path logs;
  private int runs;

  @Test
  void catchesModelsChangedWithoutTheRegeneratedFiles() throws Exception {
    MavenRunner.checkInstalledArtifactsAreCurrent();
    project = MavenRunner.copyProject(EXAMPLE, ItPaths.target().resolve("it").resolve("check"));
    logs = project.resolveSibling("check-logs");
    TestFiles.deleteRecursively(logs);
    Files.createDirectories(logs);
    wireCheckProperty();

    // The committed example is consistent.
    CommandResult compile = mvn("ci-compile", "-Dnanoka.check=true", "clean", "compile");
    assertTrue(compile.succeeded(), compile.describe());
    assertEquals(List.of(), notRegenerated(compile), compile.describe());
    CommandResult committed = check("committed");
    assertEquals(0, committed.exitCode(), committed.describe());
    assertTrue(committed.output().contains("0001_add_users_displayname.sql:4: info [checksum]"
        + " was edited by hand, as this line declares"), committed.describe());

    // A new column and version 3, but the files of `mvn compile` not committed.
    edit("src/main/java/com/example/blog/Post.java",
        "    @Field(nullable = true) String subtitle,\n",
        "    @Field(nullable = true) String subtitle,\n"
            + "    @Field(nullable = true) String summary,\n");
    edit("src/main/java/com/example/blog/package-info.java", "version = 2", "version = 3");
    compile = mvn("ci-compile-edited", "-Dnanoka.check=true", "clean", "compile");
    assertTrue(compile.succeeded(), compile.describe());
    assertEquals(5, notRegenerated(compile).size(), "schema.ts, 0002's SQL, snapshot and down"
        + " migration, the journal:" + compile.describe());
    assertEquals(Files.readString(EXAMPLE.resolve("drizzle/schema.ts")),
        Files.readString(project.resolve("drizzle/schema.ts")), "check mode wrote schema.ts");
    assertTrue(Files.notExists(project.resolve("drizzle/migrations/meta/0002_snapshot.json")));

    CommandResult stale = check("stale");
    assertEquals(1, stale.exitCode(), stale.describe());
    assertTrue(stale.output().contains("meta/0001_snapshot.json: error [models-differ] The last"
        + " snapshot (0001_add_users_displayname) differs from the models (" + SCHEMA + "):"
        + " column posts.summary exists only in the models. Run the build and commit the"
        + " regenerated files"),
        stale.describe());
    assertTrue(stale.output().contains("schema.ts:"), stale.describe());
    assertTrue(stale.output().contains(": error [schema-ts] is not what the models generate"),
        stale.describe());
    assertTrue(stale.output().contains("2 errors."), stale.describe());

    // The developer builds (and would commit): consistent again.
    CommandResult build = mvn("build", "clean", "compile");
    assertTrue(build.succeeded(), build.describe());
    assertTrue(Files.exists(project.resolve("drizzle/migrations/meta/0002_snapshot.json")));
    CommandResult regenerated = check("regenerated");
    assertEquals(0, regenerated.exitCode(), regenerated.describe());
    assertTrue(regenerated.output().contains("Consistent: drizzle/migrations and " + SCHEMA),
        regenerated.describe());
  }

  /** The wiring README shows: {@code -Ananoka.check=${nanoka.check}}, false unless given. */
  private void wireCheckProperty() throws IOException {
    edit("pom.xml", "    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>\n",
        "    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>\n"
            + "    <nanoka.check>false</nanoka.check>\n");
    edit("pom.xml",
        "                <arg>-Ananoka.migrationsDir=${project.basedir}/drizzle/migrations</arg>\n",
        "                <arg>-Ananoka.migrationsDir=${project.basedir}/drizzle/migrations</arg>\n"
            + "                <arg>-Ananoka.check=${nanoka.check}</arg>\n");
  }

  private void edit(String file, String from, String to) throws IOException {
    Path path = project.resolve(file);
    String text = Files.readString(path);
    assertTrue(text.contains(from), file + " no longer contains " + from);
    Files.writeString(path, text.replace(from, to));
  }

  private static List<String> notRegenerated(CommandResult compile) {
    return compile.output().lines().filter(l -> l.contains("[NanokaNotRegenerated]")).toList();
  }

  private CommandResult mvn(String label, String... args) throws Exception {
    return MavenRunner.mvn(project, logs.resolve(String.format("%02d-mvn-%s.log", ++runs, label)),
        args);
  }

  private CommandResult check(String label) throws Exception {
    Path jar = ItPaths.repoRoot().resolve("cli/target/nanoka-cli.jar");
    assertTrue(Files.isRegularFile(jar), jar + " is missing: run `mvn -B install`");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        jar.toString(), "check", "--dir", "drizzle/migrations", "--schema", SCHEMA,
        "--classpath", "target/classes"));
    return Command.run(command, project, Duration.ofMinutes(2),
        logs.resolve(String.format("%02d-nanoka-check-%s.log", ++runs, label)));
  }
}
