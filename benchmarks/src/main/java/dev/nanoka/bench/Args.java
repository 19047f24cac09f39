package dev.nanoka.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name=value} arguments of the benchmark programs, with defaults. */
public final class Args {

  private final Map<String, String> values = new HashMap<>();

  public Args(String[] args) {
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("expected --name=value, got " + arg);
      }
      values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
  }

  public String string(String name, String otherwise) {
    return values.getOrDefault(name, otherwise);
  }

  public String required(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing --" + name + "=…");
    }
    return value;
  }

  public int integer(String name, int otherwise) {
    return values.containsKey(name) ? Integer.parseInt(values.get(name)) : otherwise;
  }

  public List<Integer> integers(String name, String otherwise) {
    return Arrays.stream(string(name, otherwise).split(",")).map(String::strip)
        .map(Integer::parseInt).toList();
  }

  public Path path(String name, String otherwise) {
    return Path.of(string(name, otherwise)).toAbsolutePath();
  }

  public boolean flag(String name) {
    return Boolean.parseBoolean(values.getOrDefault(name, "false"));
  }
}
