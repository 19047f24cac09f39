package dev.nanoka.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every diagnostic the processor can print has a text and a test that triggers it: each
 * {@link Message} constant is made by exactly one factory of {@link ModelMessages} or
 * {@link SchemaMessages}, and is named
 * ({@code Message.NAME}) by at least one test source of this module, which asserts the tag where
 * the diagnostic must appear. The internal-error report is exempt from the second, since no input
 * may cause it.
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

  /**
   * One factory per tag: then a test that asserts a tag tests that factory's text, and a tag no
   * factory makes is a message nobody can print.
   */
  @Test
  void everyMessageHasExactlyOneFactory() throws ReflectiveOperationException {
    Map<Message, List<String>> factories = new EnumMap<>(Message.class);
    for (Class<?> texts : List.of(ModelMessages.class, SchemaMessages.class)) {
      for (Method method : texts.getDeclaredMethods()) {
        if (!Modifier.isPublic(method.getModifiers())) {
          continue;
        }
        assertEquals(MessageText.class, method.getReturnType(), method.toString());
        MessageText text = (MessageText) method.invoke(null, sampleArguments(method));
        assertTrue(text.text().startsWith(text.message().tag() + " "), text.text());
        factories.computeIfAbsent(text.message(), m -> new ArrayList<>()).add(method.getName());
      }
    }
    for (Message message : Message.values()) {
      assertEquals(1, factories.getOrDefault(message, List.of()).size(),
          message + " is made by " + factories.getOrDefault(message, List.of()));
    }
  }

  private static Object[] sampleArguments(Method method) {
    Class<?>[] types = method.getParameterTypes();
    Object[] arguments = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      Class<?> type = types[i];
      arguments[i] = type == String.class ? "x"
          : type == int.class ? 2
          : type == List.class ? List.of("a", "b")
          : type == Path.class ? Path.of("f")
          : type == Optional.class ? Optional.empty()
          : type.isEnum() ? type.getEnumConstants()[0]
          : null;
      if (arguments[i] == null) {
        throw new AssertionError(method + ": no sample for " + type);
      }
    }
    return arguments;
  }
}
