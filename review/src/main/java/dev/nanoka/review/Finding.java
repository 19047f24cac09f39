package dev.nanoka.review;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Locale;
import java.util.Optional;

/**
 * One thing {@code check} or a lint rule found, at a file of the migrations folder (or of the
 * project, e.g. schema.ts).
 *
 * @param rule the stable id of the rule, e.g. {@code d1-transaction}; documented in the README,
 *     never renamed, so a team can search for it and CI output stays comparable
 * @param severity what it means for the build
 * @param file where, as given (relative to the working directory when the user gave a relative
 *     folder)
 * @param line the 1-based line in that file, when the finding is at one statement
 * @param message what is wrong and what to do, in one or two sentences
 */
public record Finding(
    String rule, Severity severity, Path file, Optional<Integer> line, String message) {

  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(message, "message");
  }

  public static Finding at(String rule, Severity severity, Path file, String message) {
    return new Finding(rule, severity, file, Optional.empty(), message);
  }

  public static Finding at(String rule, Severity severity, Path file, int line, String message) {
    return new Finding(rule, severity, file, Optional.of(line), message);
  }

  /** {@code file:line: severity [rule] message}, as compilers print. */
  @Override
  public String toString() {
    return file + line.map(l -> ":" + l).orElse("") + ": "
        + severity.name().toLowerCase(Locale.ROOT) + " [" + rule + "] " + message;
  }
}
