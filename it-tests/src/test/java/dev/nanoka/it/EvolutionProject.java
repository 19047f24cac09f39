package dev.nanoka.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A copy of the fixture project {@code src/test/projects/evolution}: one pom, and one folder of
 * model sources per schema version ({@code v1/}, {@code v2/}, …) that becomes
 * {@code src/main/java} in turn, while {@code drizzle/} is kept from build to build, as in a
 * user's project whose models evolve.
 */
final class EvolutionProject {

  static final Path FIXTURE = ItPaths.itTests().resolve("src/test/projects/evolution");

  private static final Pattern VERSION = Pattern.compile("\\bversion\\s*=\\s*\\d+");
  private static final String ARTIFACT = "<artifactId>nanoka-it-evolution</artifactId>";

  private final Path dir;
  private final Path logs;
  private int builds;

  private EvolutionProject(Path dir) {
    this.dir = dir;
    this.logs = dir.resolveSibling(dir.getFileName() + "-logs");
  }

  /** A fresh copy at {@code dir}: the pom only, no sources, no {@code drizzle/}. */
  static EvolutionProject create(Path dir) throws IOException {
    TestFiles.deleteRecursively(dir);
    EvolutionProject project = new EvolutionProject(dir);
    TestFiles.deleteRecursively(project.logs);
    project.writePom(dir, "nanoka-it-evolution");
    return project;
  }

  private void writePom(Path moduleDir, String artifactId) throws IOException {
    Files.createDirectories(moduleDir.resolve(".mvn"));
    String pom = Files.readString(FIXTURE.resolve("pom.xml"), StandardCharsets.UTF_8);
    if (!pom.contains(ARTIFACT)) {
      throw new AssertionError(FIXTURE.resolve("pom.xml") + " must contain " + ARTIFACT);
    }
    Files.writeString(moduleDir.resolve("pom.xml"),
        pom.replace(ARTIFACT, "<artifactId>" + artifactId + "</artifactId>"));
  }

  /**
   * Builds, in one Maven run, a module per step whose models are that step's with
   * {@code @Schema(version = 1)}: the schema each version must reach, created from scratch.
   * Returns the build; module {@code <step>} lies in {@code dir/<step>}.
   */
  static CommandResult buildFromScratch(Path dir, List<String> steps)
      throws IOException, InterruptedException {
    TestFiles.deleteRecursively(dir);
    Files.createDirectories(dir.resolve(".mvn"));
    StringBuilder modules = new StringBuilder();
    for (String step : steps) {
      EvolutionProject module = new EvolutionProject(dir.resolve(step));
      module.writePom(module.dir, "nanoka-it-evolution-fresh-" + step);
      module.useSources(step, 1);
      modules.append("    <module>").append(step).append("</module>\n");
    }
    Files.writeString(dir.resolve("pom.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.example</groupId>
          <artifactId>nanoka-it-evolution-fresh</artifactId>
          <version>1.0.0-SNAPSHOT</version>
          <packaging>pom</packaging>
          <modules>
        %s  </modules>
        </project>
        """.formatted(modules));
    return MavenRunner.mvn(dir, dir.resolveSibling(dir.getFileName() + ".log"), "compile");
  }

  /** The module of {@link #buildFromScratch} for {@code step}. */
  static EvolutionProject module(Path aggregate, String step) {
    return new EvolutionProject(aggregate.resolve(step));
  }

  /** Adds processor options to the project's pom, as a user adds them to theirs. */
  void addCompilerArgs(String... args) throws IOException {
    Path pom = dir.resolve("pom.xml");
    String text = Files.readString(pom, StandardCharsets.UTF_8);
    StringBuilder added = new StringBuilder();
    for (String arg : args) {
      added.append("  <arg>").append(arg).append("</arg>\n            ");
    }
    if (!text.contains("</compilerArgs>")) {
      throw new AssertionError(pom + " has no <compilerArgs>");
    }
    Files.writeString(pom, text.replace("</compilerArgs>", added + "</compilerArgs>"));
  }

  /**
   * Puts nanoka-runtime on the compile class path, so the build packages the migrations with a
   * generated index.
   */
  void addRuntime() throws IOException {
    Path pom = dir.resolve("pom.xml");
    String text = Files.readString(pom, StandardCharsets.UTF_8);
    Files.writeString(pom, text.replaceFirst("</dependencies>", "  <dependency>\n"
        + "      <groupId>dev.nanoka</groupId>\n"
        + "      <artifactId>nanoka-runtime</artifactId>\n"
        + "      <version>\\${nanoka.version}</version>\n"
        + "    </dependency>\n  </dependencies>"));
  }

  Path dir() {
    return dir;
  }

  Path drizzle() {
    return dir.resolve("drizzle");
  }

  Path migrations() {
    return drizzle().resolve("migrations");
  }

  Path schemaTs() {
    return drizzle().resolve("schema.ts");
  }

  /** Makes the sources of fixture folder {@code step} the project's {@code src/main/java}. */
  void useSources(String step) throws IOException {
    Path sources = FIXTURE.resolve(step);
    if (!Files.isDirectory(sources)) {
      throw new AssertionError("No fixture sources " + sources);
    }
    Path target = dir.resolve("src/main/java");
    // Fresh files (not COPY_ATTRIBUTES): a source older than the last build must still count as
    // changed. The builds use `clean compile` anyway, so javac always runs.
    TestFiles.deleteRecursively(target);
    try (Stream<Path> paths = Files.walk(sources)) {
      for (Path path : paths.toList()) {
        Path copy = target.resolve(sources.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(copy);
        } else {
          Files.write(copy, Files.readAllBytes(path));
        }
      }
    }
  }

  /** As {@link #useSources(String)}, with the {@code @Schema} version replaced. */
  void useSources(String step, int version) throws IOException {
    useSources(step);
    setVersion(version);
  }

  /** Rewrites {@code version = N} in the sources' {@code package-info.java}. */
  void setVersion(int version) throws IOException {
    List<Path> infos;
    try (Stream<Path> paths = Files.walk(dir.resolve("src/main/java"))) {
      infos = paths.filter(p -> p.getFileName().toString().equals("package-info.java")).toList();
    }
    if (infos.size() != 1) {
      throw new AssertionError("Expected one package-info.java with @Schema, found " + infos);
    }
    String text = Files.readString(infos.get(0), StandardCharsets.UTF_8);
    Matcher matcher = VERSION.matcher(text);
    if (!matcher.find()) {
      throw new AssertionError(infos.get(0) + " has no `version = N`");
    }
    Files.writeString(infos.get(0), matcher.replaceFirst("version = " + version));
  }

  /**
   * {@code mvn -B clean compile}: clean so that javac, and with it the processor, always runs
   * (drizzle/ is outside target/ and stays). Each build has its own numbered log.
   */
  CommandResult compile(String label) throws IOException, InterruptedException {
    Path log = logs.resolve(String.format("%02d-%s.log", ++builds, label));
    return MavenRunner.mvn(dir, log, "clean", "compile");
  }

  /** The journal's entries' tags, in order; none when there is no journal yet. */
  List<String> journalTags() throws IOException {
    List<String> tags = new ArrayList<>();
    for (JsonNode entry : journal().path("entries")) {
      tags.add(entry.path("tag").asText());
    }
    return tags;
  }

  JsonNode journal() throws IOException {
    Path file = migrations().resolve("meta/_journal.json");
    return Files.exists(file) ? new ObjectMapper().readTree(file.toFile())
        : new ObjectMapper().createObjectNode();
  }

  /** The migrations in journal order. */
  List<MigrationScript> scripts() throws IOException {
    List<MigrationScript> scripts = new ArrayList<>();
    for (String tag : journalTags()) {
      scripts.add(MigrationScript.read(migrations().resolve(tag + ".sql")));
    }
    return scripts;
  }

  /** The {@code tables} of the newest snapshot: the schema drizzle-kit compares schema.ts with. */
  JsonNode latestSnapshotTables() throws IOException {
    List<String> tags = journalTags();
    Path file = migrations().resolve("meta").resolve(
        String.format("%04d_snapshot.json", tags.size() - 1));
    return new ObjectMapper().readTree(file.toFile()).path("tables");
  }

  /** Every file below {@code root} (relative path → text), to compare trees. */
  static Map<String, String> files(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.exists(root)) {
      return files;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.filter(Files::isRegularFile).forEach(p -> {
        try {
          files.put(root.relativize(p).toString().replace('\\', '/'),
              Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    return files;
  }

  /** Every file's last-modified time below {@code root}. */
  static Map<String, FileTime> times(Path root) throws IOException {
    Map<String, FileTime> times = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        times.put(root.relativize(p).toString().replace('\\', '/'), Files.getLastModifiedTime(p));
      }
    }
    return times;
  }
}
