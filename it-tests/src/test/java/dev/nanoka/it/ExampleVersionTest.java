package dev.nanoka.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The examples are standalone projects (users copy them), so they name the Nanoka version
 * themselves. This keeps that version equal to the one being built.
 */
class ExampleVersionTest {

  @Test
  void blogExampleUsesTheReactorVersion() throws Exception {
    assertUsesReactorVersion(ItPaths.example("blog").resolve("pom.xml"));
  }

  @Test
  void blogPostgresExampleUsesTheReactorVersion() throws Exception {
    assertUsesReactorVersion(ItPaths.example("blog-postgres").resolve("pom.xml"));
  }

  @Test
  void evolutionFixtureUsesTheReactorVersion() throws Exception {
    assertUsesReactorVersion(EvolutionProject.FIXTURE.resolve("pom.xml"));
  }

  private static void assertUsesReactorVersion(Path pom) throws Exception {
    Document document =
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    // The parser is not namespace-aware, so plain names match despite the POM namespace.
    String version =
        XPathFactory.newInstance().newXPath().evaluate("/project/properties/nanoka.version", document);

    assertEquals(
        ItPaths.reactorVersion(),
        version,
        "<nanoka.version> in " + pom + " must be this build's version");
  }
}
