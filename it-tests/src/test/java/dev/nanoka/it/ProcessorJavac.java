package dev.nanoka.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Plain javac with this build's annotations and processor jars, as a user without a build tool
 * runs it (the README's "Plain javac"). The jars come from the modules' {@code target/}, so the
 * tests see the code of this checkout, not an installed snapshot.
 */
final class ProcessorJavac {

  private ProcessorJavac() {}

  /**
   * Compiles every {@code .java} file under {@code sources}, in name order, into {@code classes};
   * {@code options} (the {@code -Ananoka.*} ones) go before the files. Runs in {@code directory},
   * which relative option paths are resolved against, and logs to {@code log}.
   */
  static CommandResult run(Path sources, Path classes, Path directory, Path log,
      String... options) throws IOException, InterruptedException {
    String version = ItPaths.reactorVersion();
    Path annotations =
        ItPaths.repoRoot().resolve("annotations/target/nanoka-annotations-" + version + ".jar");
    Path processor =
        ItPaths.repoRoot().resolve("processor/target/nanoka-processor-" + version + ".jar");
    for (Path jar : List.of(annotations, processor)) {
      assertTrue(Files.isRegularFile(jar),
          jar + " does not exist. Run `mvn -B install` from the repository root.");
    }
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", ItPaths.isWindows() ? "javac.exe" : "javac")
            .toString(),
        "-cp", annotations.toString(), "-processorpath", processor.toString(),
        "-d", classes.toString()));
    command.addAll(List.of(options));
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(p -> p.toString().endsWith(".java")).sorted()
          .forEach(p -> command.add(p.toString()));
    }
    Files.createDirectories(directory);
    return Command.run(command, directory, Duration.ofMinutes(2), log);
  }

  /**
   * The models of {@code src/test/projects/<project>} compiled in {@code work}: schema.ts and
   * migrations in {@code work/drizzle/}, classes in {@code work/classes}; fails the test if javac
   * does.
   */
  static void compileProject(String project, Path work) throws IOException, InterruptedException {
    CommandResult javac = run(ItPaths.itTests().resolve("src/test/projects").resolve(project),
        work.resolve("classes"), work, work.resolve("javac.log"),
        "-Ananoka.schemaFile=drizzle/schema.ts", "-Ananoka.migrationsDir=drizzle/migrations");
    assertTrue(javac.succeeded(), "javac failed:" + javac.describe());
  }
}
