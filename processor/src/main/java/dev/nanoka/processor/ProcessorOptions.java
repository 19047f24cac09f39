package dev.nanoka.processor;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code -A} options the processor reads: {@code nanoka.output} (schema.ts),
 * {@code nanoka.out} (the migrations folder), {@code nanoka.migrate=false} (schema.ts only) and
 * {@code nanoka.projectDir}. Relative paths resolve against
 * {@code nanoka.projectDir}, or javac's working directory without it (under Maven that is the
 * directory mvn was started in, not the module: pass {@code ${project.basedir}}).
 */
record ProcessorOptions(
    Optional<String> output, Optional<String> out, boolean migrate, Path projectDir) {

  static final String OUTPUT = "nanoka.output";
  static final String OUT = "nanoka.out";
  static final String MIGRATE = "nanoka.migrate";
  static final String PROJECT_DIR = "nanoka.projectDir";

  static Set<String> names() {
    return Set.of(OUTPUT, OUT, MIGRATE, PROJECT_DIR);
  }

  static ProcessorOptions from(Map<String, String> options) {
    String dir = options.get(PROJECT_DIR);
    return new ProcessorOptions(
        nonBlank(options.get(OUTPUT)),
        nonBlank(options.get(OUT)),
        !"false".equalsIgnoreCase(String.valueOf(options.get(MIGRATE)).strip()),
        Path.of(dir == null || dir.isBlank() ? "" : dir));
  }

  private static Optional<String> nonBlank(String value) {
    return Optional.ofNullable(value).filter(s -> !s.isBlank());
  }
}
