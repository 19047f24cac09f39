package dev.nanoka.processor;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code -A} options the processor reads. Relative paths resolve against
 * {@code nanoka.projectDir}, or javac's working directory without it (under Maven that is the
 * directory mvn was started in, not the module: pass {@code ${project.basedir}}).
 */
record ProcessorOptions(Optional<String> output, Path projectDir) {

  static final String OUTPUT = "nanoka.output";
  static final String PROJECT_DIR = "nanoka.projectDir";

  static Set<String> names() {
    return Set.of(OUTPUT, PROJECT_DIR);
  }

  static ProcessorOptions from(Map<String, String> options) {
    Optional<String> output = Optional.ofNullable(options.get(OUTPUT)).filter(s -> !s.isBlank());
    String dir = options.get(PROJECT_DIR);
    return new ProcessorOptions(output, Path.of(dir == null || dir.isBlank() ? "" : dir));
  }
}
