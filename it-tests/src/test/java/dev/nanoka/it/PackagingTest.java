package dev.nanoka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

/**
 * The layers as users receive them: the processor jar carries core (and its relocated
 * libraries) but neither the runtime nor the CLI; the runtime needs nothing but core and the
 * JDBC driver; the CLI jar holds everything and runs every command.
 */
class PackagingTest {

  private static final List<String> COMMANDS =
      List.of("migrate", "status", "validate", "repair", "baseline", "resolve", "rollback",
          "apply", "push", "diff", "reset", "check", "review");

  @Test
  void processorJarHoldsCoreButNotTheRuntimeOrTheCli() throws IOException {
    List<String> entries = entries(jar("processor", "nanoka-processor"));
    assertTrue(entries.stream().anyMatch(e -> e.startsWith("dev/nanoka/core/diff/")), "core");
    assertTrue(entries.stream().anyMatch(e -> e.startsWith("dev/nanoka/folder/")), "folder");
    assertTrue(entries.stream().anyMatch(e -> e.startsWith("dev/nanoka/processor/shaded/")),
        "relocated javapoet and jackson");
    for (String absent : List.of("picocli/", "dev/nanoka/cli/", "dev/nanoka/runtime/",
        "org/sqlite/")) {
      assertEquals(List.of(), matching(entries, absent), absent + " in the processor jar");
    }
  }

  @Test
  void runtimeJarIsTheRuntimeAlone() throws Exception {
    List<String> entries = entries(jar("runtime", "nanoka-runtime"));
    for (String absent : List.of("picocli/", "dev/nanoka/cli/", "dev/nanoka/core/",
        "dev/nanoka/folder/", "com/fasterxml/", "org/sqlite/")) {
      assertEquals(List.of(), matching(entries, absent), absent + " in the runtime jar");
    }
    // What a library user gets with it: core and the JDBC driver, nothing else.
    var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(ItPaths.repoRoot().resolve("runtime/pom.xml").toFile());
    NodeList ids = (NodeList) XPathFactory.newInstance().newXPath().evaluate(
        "/project/dependencies/dependency[not(scope) or scope='compile' or scope='runtime']"
            + "/artifactId", document, XPathConstants.NODESET);
    List<String> dependencies = new ArrayList<>();
    for (int i = 0; i < ids.getLength(); i++) {
      dependencies.add(ids.item(i).getTextContent());
    }
    Collections.sort(dependencies);
    assertEquals(List.of("nanoka-core", "sqlite-jdbc"), dependencies);
  }

  @Test
  void cliJarRunsEveryCommand() throws Exception {
    Path jar = ItPaths.repoRoot().resolve("cli/target/nanoka-cli.jar");
    assertTrue(Files.isRegularFile(jar), jar + " is missing: run `mvn -B install`");
    List<String> entries = entries(jar);
    for (String present : List.of("picocli/", "dev/nanoka/cli/", "dev/nanoka/runtime/",
        "dev/nanoka/core/", "org/sqlite/")) {
      assertTrue(!matching(entries, present).isEmpty(), present + " missing from the CLI jar");
    }
    for (String command : COMMANDS) {
      CommandResult help = Command.run(List.of(java(), "-jar", jar.toString(), command, "--help"),
          ItPaths.target(), Duration.ofSeconds(60),
          ItPaths.target().resolve("packaging/" + command + "-help.log"));
      assertEquals(0, help.exitCode(), help.describe());
      assertTrue(help.output().contains("Usage: nanoka " + command), help.describe());
    }
  }

  private static Path jar(String module, String artifact) {
    Path jar = ItPaths.repoRoot().resolve(module + "/target/" + artifact + "-"
        + ItPaths.reactorVersion() + ".jar");
    assertTrue(Files.isRegularFile(jar), jar + " is missing: run `mvn -B install`");
    return jar;
  }

  private static List<String> entries(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.stream().map(ZipEntry::getName).toList();
    }
  }

  private static List<String> matching(List<String> entries, String prefix) {
    List<String> found = entries.stream().filter(e -> e.startsWith(prefix)).toList();
    return found.subList(0, Math.min(5, found.size()));
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
