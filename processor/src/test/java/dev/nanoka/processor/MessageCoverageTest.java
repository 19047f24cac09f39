package dev.nanoka.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every diagnostic the processor can print has a test that triggers it: each {@link Message}
 * constant is named ({@code Message.NAME}) by at least one test source of this module. The
 * internal-error report is exempt, since no input may cause it.
 */
class MessageCoverageTest {

  private static final Set<Message> EXEMPT = Set.of(Message.INTERNAL_ERROR);

  @Test
  void everyMessageIsTriggeredByATest() throws IOException {
    Path tests = Path.of("src/test/java");
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(tests)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        if (!file.getFileName().toString().equals("MessageCoverageTest.java")) {
          all.append(Files.readString(file)).append('\n');
        }
      }
    }
    List<String> untested = new ArrayList<>();
    for (Message message : Message.values()) {
      if (!EXEMPT.contains(message)
          && !all.toString().matches("(?s).*\\bMessage\\." + message.name() + "\\b.*")) {
        untested.add(message.name());
      }
    }
    assertEquals(List.of(), untested, "messages no test triggers (Message.NAME in a test)");
  }
}
